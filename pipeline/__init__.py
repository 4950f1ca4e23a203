"""The domain: models, rules, checks, record assembly, store, CLI and the recipe that runs the stages."""

"""Vocabularies kept as data (YAML beside the code), loaded through pydantic models that forbid unknown keys."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

HERE = Path(__file__).parent
M = TypeVar("M", bound=BaseModel)


class VocabularyError(ValueError):
    """A vocabulary file is malformed; the message names the file and the bad key's path."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Degree(Strict):
    abbreviation: str
    level: str = Field(pattern="^(bachelor|master|doctor|certificate)$")
    names: list[str]
    variants: list[str]


class DegreeVocabulary(Strict):
    version: int
    degrees: list[Degree]


class KindRule(Strict):
    """Phrases and word stems that suggest a document kind, each with a weight; `title` phrases count triple."""

    kind: str
    phrases: dict[str, float]
    words: dict[str, float] = Field(default_factory=dict)
    title: list[str] = Field(default_factory=list)


class KindRules(Strict):
    version: int
    min_score: float
    kinds: list[KindRule]


def load_yaml(path: Path, model: type[M]) -> M:
    """Load and validate a data file; a bad file fails here with the path to the bad key."""
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        return model.model_validate(raw)
    except ValidationError as exc:
        where = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise VocabularyError(f"{path}: {where}") from exc
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML ({exc})") from exc


@lru_cache(maxsize=1)
def degrees() -> DegreeVocabulary:
    return load_yaml(HERE / "degrees.yaml", DegreeVocabulary)


@lru_cache(maxsize=1)
def kind_rules() -> KindRules:
    return load_yaml(HERE / "kinds.yaml", KindRules)

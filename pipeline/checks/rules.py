"""The requirement standard as data: a YAML file validated into requirements with typed params."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializeAsAny,
    StrictInt,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode

from pipeline.checks import predicates  # noqa: F401  (registers the predicates the file names)
from pipeline.checks.registry import PREDICATES, NoParams, Params

DEFAULT_STANDARD = Path(__file__).with_name("level-iv-mentor.yaml")

REQUIREMENT_IDS = (
    "education",
    "training_hours",
    "work_experience",
    "reflective_supervision",
    "reference_ratings",
    "code_of_ethics",
    "written_exam",
    "membership",
)
"""The eight Level IV requirements (shared/requirements/README.md); a standard must define each."""


class StandardError(ValueError):
    """A requirement file that cannot be used; the message names the file and each bad key."""

    def __init__(self, path: Path, problems: list[tuple[str, str]]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(f"{where}: {what}" for where, what in problems))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Requirement(_Strict):
    """One requirement: its id, a title, the predicate that decides it and that predicate's params."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=1)
    predicate: str
    params: SerializeAsAny[Params] = Field(default_factory=dict, validate_default=True)

    @field_validator("predicate")
    @classmethod
    def _registered(cls, name: str) -> str:
        if name not in PREDICATES:
            raise ValueError(f"unknown predicate {name!r}; known: {', '.join(sorted(PREDICATES))}")
        return name

    @field_validator("params", mode="before")
    @classmethod
    def _bind(cls, raw: Any, info: ValidationInfo) -> Params:
        name = info.data.get("predicate")
        if name is None:
            return NoParams()  # the predicate itself failed and is reported there
        model = PREDICATES[name].params
        return raw if isinstance(raw, model) else model.model_validate({} if raw is None else raw)


class Standard(_Strict):
    """A whole standard: its name, version and requirements in the order results are reported."""

    standard: str = Field(min_length=1)
    version: StrictInt = Field(ge=1)
    requirements: list[Requirement]

    @field_validator("requirements")
    @classmethod
    def _complete(cls, requirements: list[Requirement]) -> list[Requirement]:
        ids = [requirement.id for requirement in requirements]
        repeated = sorted({rid for rid in ids if ids.count(rid) > 1})
        if repeated:
            raise ValueError(f"requirement ids repeated: {', '.join(repeated)}")
        missing = [rid for rid in REQUIREMENT_IDS if rid not in ids]
        if missing:
            raise ValueError(f"requirement ids missing: {', '.join(missing)}")
        return requirements

    def requirement(self, requirement_id: str) -> Requirement:
        """The requirement with this id."""
        for requirement in self.requirements:
            if requirement.id == requirement_id:
                return requirement
        raise KeyError(requirement_id)


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses a key given twice in one mapping."""

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Build a mapping, failing on a repeated key."""
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ConstructorError(None, None, f"key {key!r} given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read_yaml(path: Path) -> Any:
    """The file's YAML content, or a StandardError saying why it cannot be read."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506
    except OSError as err:
        raise StandardError(path, [("(file)", str(err))]) from err
    except yaml.YAMLError as err:
        raise StandardError(path, [("(yaml)", " ".join(str(err).split()))]) from err


def _where(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a dotted key path: `requirements.2.params.min_hours`."""
    return ".".join(str(part) for part in loc) or "(top level)"


def load_standard(path: str | Path | None = None) -> Standard:
    """Read and validate a requirement file (the Level IV standard beside this module by default)."""
    source = Path(path) if path is not None else DEFAULT_STANDARD
    raw = _read_yaml(source)
    try:
        return Standard.model_validate(raw)
    except ValidationError as err:
        problems = [(_where(error["loc"]), error["msg"]) for error in err.errors()]
        raise StandardError(source, problems) from err

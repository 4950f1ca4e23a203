"""The predicate registry: requirement files name checks by a versioned name, code registers them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from pipeline.models import CandidateRecord, Category, RequirementResult

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., RequirementResult])

NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]*\.v[0-9]+")


class Params(BaseModel):
    """Base of every predicate's params: unknown keys fail when the standard is loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class NoParams(Params):
    """The params of a predicate that takes none."""


class PerCategory(Params, Generic[T]):
    """One value for each Level IV category."""

    clinical: T
    policy: T
    research_faculty: T

    def of(self, category: Category) -> T:
        """The value for one category."""
        value: T = getattr(self, category.value)
        return value


@dataclass(frozen=True)
class CheckContext:
    """What a predicate may know beyond the record: the date checked against and the approved supervisors."""

    today: dt.date
    approved_supervisors: frozenset[str] | None = None
    requirement_id: str = ""


PredicateFn = Callable[[CandidateRecord, Any, CheckContext], RequirementResult]


@dataclass(frozen=True)
class Registered:
    """A predicate function with the params model its requirement entries must satisfy."""

    name: str
    fn: PredicateFn
    params: type[Params]


PREDICATES: dict[str, Registered] = {}


def predicate(name: str, params: type[Params] = NoParams) -> Callable[[F], F]:
    """Register a predicate under a versioned name such as `rsc_window.v1`."""
    if not NAME_PATTERN.fullmatch(name):
        raise ValueError(f"predicate name {name!r} must look like 'some_name.v1'")

    def register(fn: F) -> F:
        """Record `fn` under the name, once."""
        if name in PREDICATES:
            raise ValueError(f"predicate {name!r} is registered twice")
        PREDICATES[name] = Registered(name=name, fn=fn, params=params)
        return fn

    return register

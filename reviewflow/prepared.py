"""The few reads every request makes, compiled to SQL once per process.

Django compiles a queryset to SQL each time it is evaluated. For the statements nearly every request runs (the API
token lookup, the draft read, the draft lock) that compilation cost the web processes more CPU than the database
spent answering them (py-spy on gunicorn under `bench/api_bench.py`: SQLCompiler.as_sql was 28% of the web
processes' CPU). `Prepared` builds its queryset once with placeholder values, keeps the compiled statement, and
later runs it with the real values, turning each row into the objects the queryset itself would give: the model,
the rows of `select_related`, the annotations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators
from django.db.transaction import TransactionManagementError

M = TypeVar("M", bound=Model)
# A placeholder id: no row has it. The ORM answers an id outside the column's range with no row, without asking the
# database; a prepared statement would send it, so callers check `is_row_id` first.
NO_ROW = -1
_BIGINT_MAX = 2**63 - 1


def is_row_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= _BIGINT_MAX


@dataclass(frozen=True)
class _Statement(Generic[M]):
    """A compiled statement and what turns its rows into objects, as Django's ModelIterable reads it off the
    compiler: the model's columns, the related rows' populators, the annotations' columns, the value converters."""

    sql: str
    params: tuple[Any, ...]
    slots: dict[str, int]  # placeholder name -> its position among the parameters
    locks: bool
    model: type[M]
    columns: slice
    names: list[str]
    related: list[Any]
    annotations: dict[str, int]
    converters: list[tuple[int, tuple[list[Callable], Any]]]


class Prepared(Generic[M]):
    """A queryset compiled once: `build(**placeholders)` gives it; `fetch(**values)` runs it with those values.

    Each placeholder must be a value that occurs exactly once among the compiled parameters (an id no row has, a
    string no one sends); it only shapes the statement and is never sent to the database.
    """

    def __init__(self, build: Callable[..., QuerySet[M]], **placeholders: object) -> None:
        self._build = build
        self._placeholders = placeholders
        self._statements: dict[str, _Statement[M]] = {}

    def fetch(self, **values: object) -> list[M]:
        using = DEFAULT_DB_ALIAS
        statement = self._statements.get(using) or self._compile(using)
        connection = connections[using]
        if statement.locks and connection.get_autocommit():
            raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
        params = list(statement.params)
        for name, value in values.items():
            slot = statement.slots[name]
            params[slot] = type(params[slot])(value)  # the type the ORM chose for that parameter (e.g. Int4)
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, params)
            rows = cursor.fetchall()
        return self._objects(statement, using, rows)

    def _compile(self, using: str) -> _Statement[M]:
        queryset = self._build(**self._placeholders)
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        slots = {}
        for name, placeholder in self._placeholders.items():
            # isinstance, not type: on PostgreSQL Django passes some integers as psycopg's Int4, a subclass of int.
            found = [i for i, p in enumerate(params) if isinstance(p, type(placeholder)) and p == placeholder]
            if len(found) != 1:
                raise ValueError(f"placeholder {name}={placeholder!r} occurs {len(found)} times in the statement")
            slots[name] = found[0]
        select, klass_info = compiler.select, compiler.klass_info
        assert klass_info is not None
        columns = slice(klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1)
        statement = _Statement(
            sql=sql,
            params=tuple(params),
            slots=slots,
            locks=queryset.query.select_for_update,
            model=klass_info["model"],
            columns=columns,
            names=[column[0].target.attname for column in select[columns]],
            related=get_related_populators(klass_info, select, using),  # type: ignore[call-arg]  # stubs: Django 6
            annotations=dict(compiler.annotation_col_map or {}),
            converters=list(compiler.get_converters([column[0] for column in select[: compiler.col_count]]).items()),
        )
        self._statements[using] = statement
        return statement

    @staticmethod
    def _objects(statement: _Statement[M], using: str, rows: list[Sequence[Any]]) -> list[M]:
        connection = connections[using]
        objects = []
        for row in map(list, rows):
            for position, (converters, expression) in statement.converters:
                value = row[position]
                for convert in converters:
                    value = convert(value, expression, connection)
                row[position] = value
            instance = statement.model.from_db(using, statement.names, row[statement.columns])
            for populator in statement.related:
                populator.populate(row, instance)
            for name, position in statement.annotations.items():
                setattr(instance, name, row[position])
            objects.append(instance)
        return objects

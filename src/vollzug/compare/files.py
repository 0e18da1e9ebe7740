"""Dateivergleich: compare model files streamed through worker processes that load their own files.

:func:`compare_files` gives the same :class:`ComparisonSet` as :func:`vollzug.compare.inputs.load_inputs` followed by
:func:`vollzug.compare.engine.compare_all`, but never holds the towns' models: each worker reads a chunk of files,
compares each model with the reference of its law and sends back only the small :class:`TownResult` and
:class:`Signature`. With ``jobs`` > 1 only file names travel to the workers (no pickled models), and reading YAML,
which costs more than the comparison itself, is spread over the processes.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vollzug.batch import Excluded, require_files
from vollzug.compare import engine as eng
from vollzug.compare import messages as m_
from vollzug.compare.applicability import obligation_source
from vollzug.compare.features import extract
from vollzug.compare.results import Comparison, ComparisonSet, ExcludedInput, TownResult
from vollzug.compare.similarity import Signature, signature
from vollzug.errors import ConfigError, InputError
from vollzug.gcpause import gc_paused
from vollzug.i18n import Text
from vollzug.loader import iter_model_files, load_model
from vollzug.model.process import OperationalModel
from vollzug.parallel import in_order

FREEZE_EVERY = 256
"""Move the results kept so far out of the garbage collector's view every this many towns (saves ~15 % CPU)."""
CHUNK = 32
"""Files per worker task (fewer for small inputs, so that every worker gets several tasks)."""


@dataclass(frozen=True)
class _Done:
    """A compared file: its law, result (with the unsuffixed key) and signature; ``ags`` for own-SOLL pairing."""

    law: str
    result: TownResult
    signature: Signature
    ags: str | None


@dataclass(frozen=True)
class _NoReference:
    """A file of a law without a reference (so far)."""

    law: str | None
    path: str
    title: str


@dataclass(frozen=True)
class _Unreadable:
    """A file that could not be read: left out, reported."""

    excluded: Excluded


_Outcome = _Done | _NoReference | _Unreadable | None
"""None: the file is left out (other law than ``--law``, or a reference itself)."""


@dataclass(frozen=True)
class _Wire:
    """A :class:`_Done` on its way back from a worker process, its result as JSON: pydantic-core writes that at a
    third of the cost of pickling the records (0.11 against 0.39 ms per town) and reads it back as fast."""

    law: str
    result: bytes
    signature: Signature
    ags: str | None


def _to_wire(outcome: _Outcome) -> _Outcome | _Wire:
    if isinstance(outcome, _Done):
        return _Wire(outcome.law, outcome.result.model_dump_json().encode(), outcome.signature, outcome.ags)
    return outcome


def _from_wire(outcome: _Outcome | _Wire) -> _Outcome:
    if isinstance(outcome, _Wire):
        return _Done(outcome.law, TownResult.model_validate_json(outcome.result), outcome.signature, outcome.ags)
    return outcome


@dataclass
class _State:
    """What every worker needs: one comparison context per law, the law filter and the reference paths."""

    contexts: dict[str, eng._Context]
    law: str | None
    reference_files: frozenset[tuple[int, int]]
    """(device, inode) of each reference file: a town file that is one of them (also through a link) is skipped."""
    reference_names: frozenset[str] = field(default_factory=frozenset)
    fail_fast: bool = False
    """Raise at the first unreadable file instead of leaving it out."""


def _file_identity(path: str | Path) -> tuple[int, int] | None:
    """(device, inode) of a file, None if it cannot be looked at (reading it then reports why)."""
    try:
        st = Path(path).stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


_STATE: _State | None = None


def _init(state: _State) -> None:
    global _STATE  # one state per worker process
    _STATE = state


def _base_key(model: OperationalModel, path: str) -> str:
    m = model.municipality
    base = eng.slug(m.name if m else Path(path).stem or model.title)
    return base + "-soll" if model.variant == "SOLL" else base


@gc_paused
def _one(path: str, state: _State) -> _Outcome:
    if path in state.reference_names or _file_identity(path) in state.reference_files:
        return None
    try:
        model = load_model(path).model
    except InputError as exc:
        if state.fail_fast:
            raise
        return _Unreadable(Excluded.from_error(path, exc))
    if state.law and model.law != state.law:
        return None
    town_law = model.law or state.law
    ctx = state.contexts.get(town_law or "")
    if ctx is None:
        return _NoReference(town_law, path, model.title)
    result, sig = eng._town_result(eng.Town(model, path), _base_key(model, path), ctx)
    m = model.municipality
    return _Done(town_law or "?", result, sig, m.ags if m is not None else None)


def _chunk(paths: list[str]) -> list[_Outcome | _Wire]:
    assert _STATE is not None
    return [_to_wire(_one(p, _STATE)) for p in paths]


def _dask_chunk(paths: list[str], state: _State) -> list[_Outcome | _Wire]:
    """A chunk of files on a Dask worker: the same per-file function as the process pool."""
    return [_to_wire(_one(p, state)) for p in paths]


def _run(paths: list[str], state: _State, jobs: int, progress: eng.Progress | None, client: Any = None
         ) -> Iterator[_Outcome]:
    """Outcomes in input order; with ``jobs`` > 1 over worker processes with a bounded number of chunks in flight;
    with a Dask ``client`` over its workers (paths travel, each worker reads its files)."""
    if client is not None:
        from vollzug.cluster.scheduler import chunked, ordered_map, workers_of

        size = max(1, min(CHUNK, len(paths) // (4 * workers_of(client)) or 1))
        yield from map(_from_wire, ordered_map(client, _dask_chunk, chunked(paths, size), state, progress=progress))
        return
    if jobs <= 1 or len(paths) < 4 * jobs:
        _init(state)
        for path in paths:
            yield _one(path, state)
            if progress:
                progress(1)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(state,)) as pool:
        size = max(1, min(CHUNK, len(paths) // (4 * jobs)))
        chunks = (pool.submit(_chunk, paths[start:start + size]) for start in range(0, len(paths), size))
        yield from map(_from_wire, in_order(chunks, 3 * jobs, progress))


def _context(reference: eng.Town, law_id: str, diff_mode: str, count: int, rules: bool, detail: bool
             ) -> eng._Context:
    full = diff_mode == "full" or (diff_mode == "auto" and count <= eng.FULL_DIFF_LIMIT)
    ref_features = extract(reference.model)
    return eng._Context(reference.model, ref_features, signature(ref_features),
                        obligation_source(law_id, reference.model, None), detail, rules, full and detail)


def _discover(refs: list[eng.Town], wanted: set[str], known: frozenset[tuple[int, int]]
              ) -> tuple[list[eng.Town], list[Text]]:
    """SOLL models of the wanted laws in the folders of the given references (as :func:`load_inputs` does)."""
    found: list[eng.Town] = []
    notes: list[Text] = []
    folders = sorted({Path(r.path).parent for r in refs if r.path})
    for candidate in iter_model_files(folders):
        if not wanted:
            break
        if _file_identity(candidate) in known:
            continue
        loaded = load_model(candidate)
        if loaded.model.variant == "SOLL" and loaded.model.law in wanted:
            found.append(eng.Town(loaded.model, str(candidate)))
            wanted.discard(loaded.model.law)
            notes.append(m_.text(m_.REFERENCE_FOUND, law=loaded.model.law, path=str(candidate)))
    return found, notes


def _with_own_solls(done: list[_Done], ctx: eng._Context) -> list[_Done]:
    """Redo the IST towns that have their own SOLL among the inputs (rare: both files are read again)."""
    soll_by_ags = {d.ags: d.result.path for d in done if d.result.variant == "SOLL" and d.ags is not None}
    if not soll_by_ags:
        return done
    out: list[_Done] = []
    for d in done:
        own_path = soll_by_ags.get(d.ags) if d.ags is not None and d.result.variant == "IST" else None
        if own_path is None:
            out.append(d)
            continue
        model = load_model(d.result.path).model
        result, sig = eng._town_result(eng.Town(model, d.result.path), d.result.key, ctx, load_model(own_path).model)
        out.append(_Done(d.law, result, sig, d.ags))
    return out


def compare_files(
    models: Sequence[str | Path], references: Sequence[str | Path], *, law: str | None = None, jobs: int = 1,
    pairwise_mode: str = "auto", rules: bool = True, diff_mode: str = "fast", detail: bool = True,
    progress: eng.Progress | None = None, fail_fast: bool = False, scheduler: str | None = None,
) -> tuple[ComparisonSet, list[Text]]:
    """Compare the model files (folders expanded) with the references; returns the result and notes.

    ``detail=False`` leaves out the per-town diff, RACI matrix, unit resources and diagram (about 3/4 of the
    memory a town's result takes) for outputs that do not show them. A town file that cannot be read is left out
    and listed in :attr:`ComparisonSet.excluded` (``fail_fast``: raised instead); no model files at all is an error.
    ``scheduler`` (``local:N`` or ``tcp://host:port``) runs the per-file work on a Dask cluster instead of ``jobs``
    local processes.
    """
    if scheduler is not None:
        from vollzug.cluster.scheduler import client_for

        with client_for(scheduler) as client:
            return _compare_files(models, references, law, jobs, pairwise_mode, rules, diff_mode, detail, progress,
                                  fail_fast, client)
    return _compare_files(models, references, law, jobs, pairwise_mode, rules, diff_mode, detail, progress, fail_fast,
                          None)


def _compare_files(models: Sequence[str | Path], references: Sequence[str | Path], law: str | None, jobs: int,
                   pairwise_mode: str, rules: bool, diff_mode: str, detail: bool, progress: eng.Progress | None,
                   fail_fast: bool, client: Any) -> tuple[ComparisonSet, list[Text]]:
    if diff_mode not in {"auto", "full", "fast"}:
        raise ConfigError(f"unknown diff mode '{diff_mode}' (auto, full, fast)")
    if pairwise_mode not in {"auto", "on", "off"}:
        raise ConfigError(f"unknown pairwise mode '{pairwise_mode}' (auto, on, off)")
    if not references:
        raise ConfigError("at least one --reference SOLL model is needed")
    refs = [eng.Town(load_model(p).model, str(p)) for p in iter_model_files([Path(r) for r in references])]
    paths = [str(p) for p in require_files(iter_model_files([Path(m) for m in models]), models)]
    by_law: dict[str, eng.Town] = {}
    for ref in refs:
        by_law.setdefault(ref.model.law or law or "?", ref)
    known = frozenset(filter(None, map(_file_identity, (r.path for r in refs))))
    state = _State({k: _context(r, k, diff_mode, len(paths), rules, detail) for k, r in by_law.items()}, law,
                   known, frozenset(r.path for r in refs), fail_fast)
    outcomes: list[_Outcome] = []
    try:  # kept results are never garbage: full collections must not rescan them, neither during the run nor
        # while the matrices and outliers are built from them (3 s of 10,754 towns went to collections there)
        for outcome in _run(paths, state, jobs, progress, client):
            outcomes.append(outcome)
            if len(outcomes) % FREEZE_EVERY == 0:
                gc.freeze()
        gc.freeze()
        contexts = dict(state.contexts)
        notes: list[Text] = []
        wanted = {o.law for o in outcomes if isinstance(o, _NoReference) and o.law is not None}
        if wanted:
            found, notes = _discover(refs, wanted, known)
            if found:
                for ref in found:
                    by_law.setdefault(ref.model.law or law or "?", ref)
                redo = [i for i, o in enumerate(outcomes) if isinstance(o, _NoReference) and o.law in by_law]
                contexts.update({k: _context(r, k, diff_mode, len(redo), rules, detail) for k, r in by_law.items()
                                 if k not in contexts})
                state = _State(contexts, law, state.reference_files, frozenset(r.path for r in refs + found),
                               fail_fast)
                for index, outcome in zip(redo, _run([outcomes[i].path for i in redo], state, jobs, None, client),  # type: ignore[union-attr]
                                          strict=True):
                    outcomes[index] = outcome
        groups: dict[str, list[_Done]] = {}
        skipped: list[Text] = []
        excluded: list[ExcludedInput] = []
        for outcome in outcomes:
            if isinstance(outcome, _Unreadable):
                x = outcome.excluded
                excluded.append(ExcludedInput(file=x.file, line=x.line, reason=x.reason))
            elif isinstance(outcome, _NoReference):
                skipped.append(m_.text(m_.NO_REFERENCE, input=outcome.path or outcome.title, law=outcome.law))
            elif outcome is not None:
                groups.setdefault(outcome.law, []).append(outcome)
        comparisons: list[Comparison] = []
        for name, done in groups.items():
            ctx = contexts[name]
            done = _with_own_solls(done, ctx)
            keys = eng._Keys()
            results = [d.result if (k := keys.unique(d.result.key)) == d.result.key
                       else d.result.model_copy(update={"key": k}) for d in done]
            comparisons.append(eng.finish(results, [d.signature for d in done], by_law[name], name, ctx, pairwise_mode))
        result = ComparisonSet(generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                               comparisons=tuple(comparisons), skipped=tuple(skipped), excluded=tuple(excluded))
        return result, notes
    finally:
        gc.unfreeze()

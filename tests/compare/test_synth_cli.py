"""synth (seeded variation) and the compare/report/synth commands end to end through the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from vollzug.cli.main import main
from vollzug.model.process import OperationalModel
from vollzug.synth import synth_towns

REFERENCE = Path(__file__).resolve().parents[1] / "fixtures" / "compare" / "wpg-soll.yaml"


def _ref() -> OperationalModel:
    return OperationalModel.model_validate(yaml.safe_load(REFERENCE.read_text(encoding="utf-8")))


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def vollzug(capsys: pytest.CaptureFixture[str]):
    """Run the CLI in-process through its real entry point (exit code via SystemExit)."""

    def run(*args: str) -> Done:
        with pytest.raises(SystemExit) as info:
            main(list(args))
        out = capsys.readouterr()
        return Done(int(info.value.code or 0), out.out, out.err)

    return run


def test_synth_is_seeded_synthetic_and_varied() -> None:
    ref = _ref()
    first = list(synth_towns(ref, 30, seed=4))
    again = list(synth_towns(ref, 30, seed=4))
    other = list(synth_towns(ref, 30, seed=5))
    assert first == again
    assert first != other
    assert all(m.synthetic and m.variant == "IST" for m in first)
    assert all(m.municipality and m.municipality.population and m.municipality.population.quality == "synthetic"
               for m in first)
    assert len({m.municipality.name for m in first if m.municipality}) == 30
    small = [m for m in first if m.municipality and m.municipality.population
             and m.municipality.population.count < 10_000]
    assert small and all(any(u.id == "bauamt" for u in m.org_units) for m in small)
    assert any(len(m.steps) < len(ref.steps) for m in first)
    assert any(not any(s.notification for s in m.steps) for m in first)
    for model in first:  # no dangling references after dropping steps or merging lanes
        ids = {s.id for s in model.steps}
        lanes = {u.id for u in model.org_units}
        assert all(f.source in ids and f.target in ids for f in model.sequence_flows)
        assert all(s.lane in lanes for s in model.steps if s.lane)


def test_cli_synth_compare_report(tmp_path: Path, vollzug) -> None:
    towns = tmp_path / "towns"
    done = vollzug("synth", "--towns", "4", "--from", str(REFERENCE), "-o", str(towns), "--seed", "3")
    assert done.returncode == 0, done.stderr
    files = sorted(towns.glob("*/wpg.yaml"))
    assert len(files) == 4
    assert yaml.safe_load(files[0].read_text(encoding="utf-8"))["synthetic"] is True

    done = vollzug("compare", str(towns), "--reference", str(REFERENCE), "--format", "json", "--no-rules", "-q")
    assert done.returncode in (0, 1), done.stderr
    assert '"kind": "comparison_set"' in done.stdout

    out = tmp_path / "report"
    done = vollzug("report", str(towns), "-r", str(REFERENCE), "-o", str(out), "--format", "html,json", "-q")
    assert done.returncode == 0, done.stderr
    assert (out / "index.html").is_file() and (out / "report.json").is_file()


def test_cli_compare_exit_codes(tmp_path: Path, vollzug) -> None:
    same = tmp_path / "same.yaml"
    doc = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    doc["variant"] = "IST"
    doc["municipality"] = {"ags": "05999001", "name": "Gleichstadt", "kind": "Stadt",
                           "population": {"count": 80000, "reference_date": "2024-01-01"}}
    same.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    done = vollzug("compare", str(same), "-r", str(REFERENCE), "--no-rules", "-q")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Gleichstadt" in done.stdout

    broken = tmp_path / "broken.yaml"
    broken.write_text("steps: [{id: a, nmae: x}]\n", encoding="utf-8")
    done = vollzug("compare", str(broken), "-r", str(REFERENCE), "-q")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "broken.yaml" in done.stderr

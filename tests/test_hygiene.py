"""Repository-wide rules that no single module test would catch."""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
CODE = [p for d in ("trainer", "gallery", "hooks", "scripts") for p in (ROOT / d).rglob("*.py")]


def _sources():
    for path in CODE:
        yield path, path.read_text(encoding="utf-8")


def test_code_never_reads_the_shared_research_folder():
    # Users and fresh clones do not have ../shared: nothing may depend on it.
    for path, text in _sources():
        assert not re.search(r"\.\./shared|/work/shared", text), path


def test_no_exec_or_eval_of_configs_or_logs():
    for path, text in _sources():
        assert not re.search(r"(?<![\w.])(?<!def )(exec|eval)\(", text), f"{path}: exec/eval is forbidden; parse instead"


def test_torch_load_is_always_weights_only():
    for path, text in _sources():
        for call in re.findall(r"torch\.load\([^)]*\)", text):
            assert "weights_only=True" in call, f"{path}: {call}"


def test_no_raw_pickle_load():
    # meta.pkl is read with a restricted unpickler; a bare pickle.load would run arbitrary code.
    for path, text in _sources():
        assert "pickle.load(" not in text and "pickle.loads(" not in text, path


TRAINING_SIDE = ("torch", "trainer.train", "trainer.model", "trainer.checkpoint", "trainer.bench")


def test_the_analyzer_never_reaches_the_training_side():
    # analyze/ reads logs: importing it and running a full analysis (report and plot included)
    # must not pull in torch, the model, the training loop, checkpoints or the benchmarks
    code = (
        "import sys, tempfile, os\n"
        "sys.path.insert(0, 'tests')\n"
        "from log_fixtures import plateau_log\n"
        "from trainer.analyze import analyze\n"
        "from trainer.analyze.cli import main\n"
        "d = tempfile.mkdtemp(); log = os.path.join(d, 'train.log'); open(log, 'w').write(plateau_log())\n"
        "analyze(log)\n"
        "assert main([log, '--format', 'json', '--out', os.path.join(d, 'r.json')]) == 0\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] == 'torch' or m.startswith({TRAINING_SIDE[1:]!r}))\n"
        "print(bad)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
    for path in (ROOT / "trainer" / "analyze").rglob("*.py"):
        imports = re.findall(r"^\s*(?:from|import) ([\w.]+)", path.read_text(encoding="utf-8"), re.M)
        assert not [m for m in imports if m.split(".")[0] == "torch" or m.startswith(TRAINING_SIDE[1:])], path


def test_no_function_is_over_80_lines():
    # the style guide's limit: a function that long is several ideas, each worth a name
    import ast
    for path in (ROOT / "trainer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno - node.lineno < 80, f"{path}:{node.lineno} {node.name}"


def test_readme_layout_table_names_every_trainer_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Layout"):readme.index("## ", readme.index("## Layout") + 3)]
    named = set(re.findall(r"`(trainer/[\w/]+(?:\.py)?)", table))
    assert all((ROOT / path.rstrip("/")).exists() for path in named), named
    modules = {f"trainer/{p.name}" for p in (ROOT / "trainer").glob("*.py") if not p.name.startswith("__")}
    packages = {f"trainer/{p.name}/" for p in (ROOT / "trainer").iterdir() if (p / "__init__.py").exists()}
    assert sorted((modules | packages) - named) == []

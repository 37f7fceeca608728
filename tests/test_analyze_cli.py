"""`python -m trainer analyze`: options, outputs, and exit 2 with one error line for bad input."""
import json
import os
import subprocess
import sys

import pytest

from trainer import cli as top_cli
from trainer.analyze.cli import main, parse_tokens
from log_fixtures import plateau_config, plateau_log


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli")
    (d / "train.log").write_text(plateau_log())
    (d / "config.py").write_text(plateau_config())
    (d / "empty.log").write_bytes(b"")
    (d / "binary.log").write_bytes(bytes(range(256)) * 16)
    (d / "keras.log").write_text("Epoch 1/10\n100/100 [====] - 3s 30ms/step - loss: 0.5\n")
    return d


def test_text_report(files, capsys):
    assert main([str(files / "train.log")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("nanogpt log: 1 run(s)") and "[warning] plateau" in out and "\x1b[" not in out


def test_all_options_together(files, tmp_path, capsys):
    svg, md = tmp_path / "plot.svg", tmp_path / "report.md"
    rc = main([str(files / "train.log"), "--config", str(files / "config.py"), "--data-tokens", "3e9",
               "--device-name", "RTX 4070", "--format", "markdown", "--plot", str(svg), "--lang", "fr",
               "--format-hint", "nanogpt", "--out", str(md)])
    assert rc == 0 and capsys.readouterr().out == ""
    text = md.read_text()
    assert "| pas | perte d’entraînement |" in text and "époques sur les données d’entraînement" in text
    assert svg.read_bytes().lstrip().startswith(b"<?xml")
    assert sorted(os.listdir(tmp_path)) == ["plot.svg", "report.md"]  # no temp files left behind


def test_json_output(files, capsys):
    assert main([str(files / "train.log"), "--format", "json", "--config", str(files / "config.py")]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["format"] == "nanogpt" and doc["runs"][0]["facts"]["n_params"] == 40_560_000


@pytest.mark.parametrize("args, message", [
    (["empty.log"], "is empty"),
    (["binary.log"], "binary"),
    (["keras.log"], "not a training log"),
    (["missing.log"], "not found"),
    (["train.log", "--device-name", "Voodoo 3"], "unknown GPU"),
    (["train.log", "--data-tokens", "lots"], "--data-tokens"),
    (["train.log", "--data-tokens", "-5"], "positive"),
    (["train.log", "--data-tokens", "5", "--data-dir", "x"], "not allowed with"),
    (["train.log", "--lang", "de"], "invalid choice"),
    (["train.log", "--format", "html"], "invalid choice"),
    (["train.log", "--plot", "out.png"], ".svg"),
    (["train.log", "--config", "missing.py"], "not found"),
    (["train.log", "--bogus"], "unrecognized"),
    ([], "required"),
])
def test_bad_input_exits_2_with_one_error_line(files, capsys, monkeypatch, args, message):
    monkeypatch.chdir(files)
    assert main(args) == 2
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and message in err[0], captured.err
    assert captured.out == ""


def test_parse_tokens():
    assert parse_tokens("9035582198") == parse_tokens("9,035,582,198") == parse_tokens("9_035_582_198") == 9_035_582_198
    assert parse_tokens("9e9") == 9_000_000_000


def test_help(capsys):
    assert main(["--help"]) == 0
    assert "--device-name" in capsys.readouterr().out


def test_dispatch_through_plateau_cli(files, capsys):
    assert top_cli.main(["analyze", str(files / "train.log"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "nanogpt"


def test_subprocess_never_imports_torch_and_reads_stdin(files):
    code = ("import sys; from trainer.cli import main; rc = main(['analyze', '-', '--format', 'markdown']); "
            "assert 'torch' not in sys.modules, 'torch was imported'; sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", code], input=(files / "train.log").read_text(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "| step | train loss | val loss | lr | tokens seen | comment |" in proc.stdout


def test_subprocess_bad_input_has_no_traceback(files):
    proc = subprocess.run([sys.executable, "-m", "trainer", "analyze", str(files / "binary.log")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: ")


# -- written files (issue 15): the umask's mode, and a missing folder is an error, not created --------

def test_out_and_plot_files_get_the_umasks_mode(files, tmp_path, umask_022, capsys):
    svg, md = tmp_path / "plot.svg", tmp_path / "report.md"
    assert main([str(files / "train.log"), "--format", "markdown", "--out", str(md), "--plot", str(svg)]) == 0
    assert [os.stat(p).st_mode & 0o777 for p in (md, svg)] == [0o644, 0o644]


@pytest.mark.parametrize("option, name", [("--out", "report.md"), ("--plot", "plot.svg")])
def test_out_or_plot_into_a_missing_folder_is_one_error_line(files, tmp_path, capsys, option, name):
    target = tmp_path / "nonexistent" / name
    assert main([str(files / "train.log"), option, str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "nonexistent does not exist" in err
    assert not (tmp_path / "nonexistent").exists()

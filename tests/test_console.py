"""trainer/console.py: stdout teed into train.log, held lines, torn lines, the one-line error."""
import io

from trainer.console import ConsoleTee, print_error


def test_lines_before_the_log_opens_are_written_first(tmp_path):
    screen = io.StringIO()
    tee = ConsoleTee(screen)
    tee.write('Overriding: n_layer = 2\n')
    tee.open(tmp_path / 'train.log', append=False)
    tee.write('iter 0: ...\n')
    tee.close()
    assert screen.getvalue() == (tmp_path / 'train.log').read_text() == 'Overriding: n_layer = 2\niter 0: ...\n'


def test_a_resume_appends_after_a_line_cut_by_a_kill(tmp_path):
    log = tmp_path / 'train.log'
    log.write_text('iter 12: loss 2.0000, ti')  # SIGKILL mid-line
    tee = ConsoleTee(io.StringIO())
    tee.write('Resuming training from out\n')
    tee.open(log, append=True)
    tee.close()
    assert log.read_text() == 'iter 12: loss 2.0000, ti\nResuming training from out\n'


def test_other_ranks_print_but_keep_no_log(tmp_path):
    screen = io.StringIO()
    tee = ConsoleTee(screen)
    tee.write('tokens per iteration will be: 64\n')
    tee.stop_logging()
    tee.open(tmp_path / 'train.log', append=False)
    tee.write('more\n')
    assert screen.getvalue() == 'tokens per iteration will be: 64\nmore\n' and not (tmp_path / 'train.log').exists()


def test_print_error_goes_to_stderr_and_the_log(tmp_path, capsys):
    tee = ConsoleTee(io.StringIO())
    tee.open(tmp_path / 'train.log', append=False)
    print_error('loss is nan at iter 3', tee)
    tee.close()
    assert capsys.readouterr().err == 'error: loss is nan at iter 3\n'
    assert (tmp_path / 'train.log').read_text() == 'error: loss is nan at iter 3\n'
    assert tee.stream.getvalue() == ''  # the console shows it once, on stderr

"""trainer/session.py: the counters a checkpoint keeps, from ours and from nanoGPT's."""
from trainer.session import Counters


def test_counters_from_our_checkpoint():
    saved = {'iter_num': 500, 'best_val_loss': 1.5, 'tokens_seen': 123, 'running_mfu': 0.3, 'running_mfu_device': 0.6}
    c = Counters.from_checkpoint(saved, tokens_per_iter=64)
    assert (c.iter_num, c.local_iter_num, c.best_val_loss, c.tokens_seen, c.running_mfu, c.running_mfu_device) == \
        (500, 0, 1.5, 123, 0.3, 0.6)


def test_counters_from_a_nanogpt_checkpoint():
    # nanoGPT keeps iter_num and best_val_loss only (as tensors' plain values): the rest is derived or reset
    c = Counters.from_checkpoint({'iter_num': 250, 'best_val_loss': 1.4697}, tokens_per_iter=16384)
    assert (c.iter_num, c.tokens_seen, c.running_mfu, c.running_mfu_device) == (250, 250 * 16384, -1.0, -1.0)
    assert Counters() == Counters(iter_num=0, local_iter_num=0, best_val_loss=1e9, tokens_seen=0)

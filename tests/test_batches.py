"""trainer/batches.py: reproducible random windows, DDP slices that add up to one process's batch."""
import numpy as np
import pytest
import torch

from trainer.batches import Batches, check_data, max_token
from trainer.data.bins import DataError


@pytest.fixture
def data_dir(tmp_path):
    np.arange(5000, dtype=np.uint16).tofile(tmp_path / 'train.bin')  # token == its position
    (np.arange(600, dtype=np.uint16) + 10000).tofile(tmp_path / 'val.bin')
    return str(tmp_path)


def test_windows_are_nanogpts(data_dir):
    x, y = Batches(data_dir, block_size=8, batch_size=5, device='cpu', seed=1).train(0, 0)
    assert x.shape == y.shape == (5, 8) and x.dtype == y.dtype == torch.int64
    starts = x[:, 0]
    assert torch.equal(x, starts[:, None] + torch.arange(8))  # contiguous windows
    assert torch.equal(y, x + 1)  # targets are the next tokens
    assert (starts >= 0).all() and (starts < 5000 - 8).all()  # torch.randint(len(data) - block_size)


def test_a_batch_is_a_pure_function_of_seed_and_position(data_dir):
    a = Batches(data_dir, 8, 4, 'cpu', seed=7)
    b = Batches(data_dir, 8, 4, 'cpu', seed=7)
    torch.manual_seed(0)
    first = a.train(12, 1)[0]
    torch.manual_seed(123)  # the global RNG (dropout's) does not matter
    b.train(0, 0)
    assert torch.equal(b.train(12, 1)[0], first)
    assert not torch.equal(a.train(12, 0)[0], first)
    assert not torch.equal(Batches(data_dir, 8, 4, 'cpu', seed=8).train(12, 1)[0], first)
    # the prefetch after the last micro-step is the next iteration's first batch
    c = Batches(data_dir, 8, 4, 'cpu', seed=7, accum=2)
    assert torch.equal(c.next_train(3, 1)[0], c.train(4, 0)[0])
    assert torch.equal(c.next_train(3, 0)[0], c.train(3, 1)[0])


def test_ddp_ranks_split_one_process_batches(data_dir):
    single = Batches(data_dir, 8, 4, 'cpu', seed=3, accum=4)
    ranks = [Batches(data_dir, 8, 4, 'cpu', seed=3, rank=r, world_size=2, accum=2) for r in (0, 1)]
    for it in (0, 5):
        one = sorted(tuple(row) for m in range(4) for row in single.train(it, m)[0].tolist())
        two = sorted(tuple(row) for r in ranks for m in range(2) for row in r.train(it, m)[0].tolist())
        assert one == two
        # rank 0 ends on the batch a single process ends on, so their printed losses agree
        assert torch.equal(ranks[0].train(it, 1)[0], single.train(it, 3)[0])


def test_eval_streams_are_separate_and_fresh_per_eval(data_dir):
    b = Batches(data_dir, 8, 4, 'cpu', seed=1)
    val = b.for_eval('val', 0, 0, 10)[0]
    assert (val >= 10000).all()  # drawn from val.bin
    assert torch.equal(b.for_eval('val', 0, 0, 10)[0], val)
    assert not torch.equal(b.for_eval('val', 250, 0, 10)[0], val)


def test_check_data(data_dir, tmp_path):
    assert check_data(data_dir, block_size=64) == {'train': 5000, 'val': 600}
    assert max_token(data_dir) == 10599
    with pytest.raises(DataError, match=r"block_size 600 is too large for the val split .* 600 tokens"):
        check_data(data_dir, block_size=600)
    with pytest.raises(DataError, match='prepare shakespeare_char'):
        check_data(str(tmp_path / 'missing'), block_size=8)


def test_open_data_is_the_data_phase(data_dir, tmp_path):
    from trainer.batches import open_data
    from trainer.config import TrainConfig
    from trainer.runtime import Runtime
    rt = Runtime(device='cpu', device_type='cpu', dtype='float32', autocast=None, accum=3, tokens_per_iter=0)
    data = open_data(TrainConfig(data_dir=data_dir, block_size=8, batch_size=2, seed=4), rt)
    assert data.split_tokens == {'train': 5000, 'val': 600} and data.meta_vocab_size is None  # no meta.pkl
    assert data.batches.state() == {'scheme': 'counter-hash-v1', 'seed': 4, 'world_size': 1, 'accum': 3,
                                    'batch_size': 2, 'block_size': 8}
    with pytest.raises(DataError, match='prepare shakespeare_char'):
        open_data(TrainConfig(dataset='tiny', data_dir=str(tmp_path / 'missing')), rt)

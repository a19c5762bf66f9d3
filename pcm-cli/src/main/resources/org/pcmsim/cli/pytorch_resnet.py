"""The PyTorch half of `pcm bench --dnn NETWORK --vs-pytorch` (pcm-sim, docs/performance.md).

Builds the same CIFAR ResNet as pcm-nn's ResNets.build (3x3 stem convolution, three stages of basic
blocks of two 3x3 convolutions with batch norm and ReLU, stride 2 and a 1x1 convolution + batch norm
projection shortcut at the first block of stages 2 and 3, no convolution biases, global average
pooling, a dense softmax layer), float32, on the CPU, and times what the Java side times: a training
step (SGD with Nesterov momentum 0.9, weight decay 1e-4, cross-entropy) at given batch sizes, and
inference of 1000 images at several batch sizes; and, as the floor under a training step, the
network's convolutions alone, each forward and backward (input and weight gradients) at the training
batch sizes, and forward on 1000 images at batch 500, as pcm-sim times libnd4j's. The inputs are random normal tensors (the same
cost as normalised images). Nothing is downloaded or written.

Protocol: the arguments describe the network; the script builds and warms it up, prints one JSON
line {"ready": ...}, then for every line "round" on stdin prints one JSON line with that round's
times (wall and process CPU, seconds), so that the caller can interleave its own measurements with
these. It exits at end of input. Without torch it prints one line to stderr and exits with code 3.
"""
import argparse
import json
import sys
import time

try:
    import torch
    from torch import nn
    from torch.nn import functional as F
except ImportError as e:  # the caller turns this into its one-line message
    print("no PyTorch in %s: %s" % (sys.executable, e), file=sys.stderr)
    sys.exit(3)


def conv_bn(cin, cout, k, stride):
    return [nn.Conv2d(cin, cout, k, stride=stride, padding=k // 2, bias=False), nn.BatchNorm2d(cout)]


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.body = nn.Sequential(*conv_bn(cin, cout, 3, stride), nn.ReLU(inplace=True), *conv_bn(cout, cout, 3, 1))
        self.shortcut = nn.Sequential(*conv_bn(cin, cout, 1, stride)) if stride != 1 else nn.Identity()
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(self.body(x) + self.shortcut(x))


def resnet(blocks, widths, stem_stride, channels):
    layers = [*conv_bn(channels, widths[0], 3, stem_stride), nn.ReLU(inplace=True)]
    cin = widths[0]
    for s in range(3):
        for b in range(blocks):
            stride = 2 if s > 0 and b == 0 else 1
            layers.append(Block(cin, widths[s], stride))
            cin = widths[s]
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(cin, 10)]
    return nn.Sequential(*layers)


def convolutions(net, channels, side, batch):
    """Random arrays for every convolution of net at this batch size: (x, w, dy, stride, padding)."""
    shapes = []
    hooks = [m.register_forward_hook(lambda m, i, o: shapes.append((m, i[0].shape, o.shape)))
             for m in net.modules() if isinstance(m, nn.Conv2d)]
    with torch.no_grad():
        net.eval()
        net(torch.randn(1, channels, side, side))
    for h in hooks:
        h.remove()
    return [(torch.randn(batch, *i[1:], requires_grad=True), torch.randn(m.weight.shape, requires_grad=True),
             torch.randn(batch, *o[1:]), m.stride, m.padding) for m, i, o in shapes]


def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--blocks", type=int, required=True)
    p.add_argument("--widths", required=True)
    p.add_argument("--stem-stride", type=int, required=True)
    p.add_argument("--channels", type=int, required=True)
    p.add_argument("--side", type=int, required=True)
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--train-batches", default="64,128")
    p.add_argument("--steps", type=int, default=3)
    p.add_argument("--infer-batches", default="64,128,256,500")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    widths = [int(w) for w in a.widths.split(",")]
    net = resnet(a.blocks, widths, a.stem_stride, a.channels).float()
    params = sum(t.numel() for t in net.parameters())
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, nesterov=True, weight_decay=1e-4)
    loss = nn.CrossEntropyLoss()
    train_batches = [int(b) for b in a.train_batches.split(",")]
    infer_batches = [int(b) for b in a.infer_batches.split(",")]
    data = {b: (torch.randn(b, a.channels, a.side, a.side), torch.randint(0, 10, (b,))) for b in train_batches}
    images = torch.randn(1000, a.channels, a.side, a.side)
    convs = {b: convolutions(net, a.channels, a.side, b) for b in train_batches + [500]}

    def conv_steps(b):
        for _ in range(a.steps):
            ys = [F.conv2d(x, w, stride=s, padding=p) for x, w, _, s, p in convs[b]]
            for (x, w, dy, _, _), y in zip(reversed(convs[b]), reversed(ys)):
                torch.autograd.grad(y, (x, w), dy)

    def steps(b):
        x, y = data[b]
        net.train()
        for _ in range(a.steps):
            opt.zero_grad(set_to_none=True)
            loss(net(x), y).backward()
            opt.step()

    def infer(b):
        net.eval()
        with torch.inference_mode():
            for i in range(0, 1000, b):
                net(images[i:i + b])

    def conv_infer():
        with torch.inference_mode():
            for _ in range(1000 // 500):
                for x, w, _, s, p in convs[500]:
                    F.conv2d(x, w, stride=s, padding=p)

    def one_round():
        r = {}
        for b in train_batches:
            w, c = timed(lambda: steps(b))
            r["train%d" % b] = [w / a.steps, c / a.steps]
            w, c = timed(lambda: conv_steps(b))
            r["conv%d" % b] = [w / a.steps, c / a.steps]
        for b in infer_batches:
            r["infer%d" % b] = list(timed(lambda: infer(b)))
        r["convinfer"] = list(timed(conv_infer))
        return r

    one_round()  # warm-up: allocator, oneDNN primitive caches
    print(json.dumps({"ready": True, "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "parameters": params, "python": sys.executable}), flush=True)
    for line in sys.stdin:
        if line.strip() == "round":
            print(json.dumps(one_round()), flush=True)


if __name__ == "__main__":
    main()

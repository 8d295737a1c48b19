"""The PC-DARTS search step in plain PyTorch, as the comparison for `pcdarts-runner bench`.

The paper's CIFAR-10 search network (C = 16, 8 cells, 4 nodes, partial channels 1/K, edge normalization), one
first-order architecture step (Adam on alpha/beta) then one weight step (SGD, momentum 0.9, weight decay 3e-4,
gradient clip 5) per timed step, on random 3x32x32 batches. Written the straightforward way: one module per edge
and per primitive. Prints one JSON line per run: median, min and max step time, and the step loop's peak RSS
(VmHWM reset through /proc/self/clear_refs after start-up, as the engine's benchmark does).

    python3 bench/pytorch_reference.py --k 4 --batch-size 32 --steps 10 --threads 2
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PRIMITIVES = ["none", "max_pool_3x3", "avg_pool_3x3", "skip_connect",
              "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5"]


def relu_conv_bn(c_in, c_out, kernel, stride, padding, dilation=1, groups=1):
    return [nn.ReLU(inplace=False),
            nn.Conv2d(c_in, c_out, kernel, stride, padding, dilation=dilation, groups=groups, bias=False)]


class SepConv(nn.Sequential):
    def __init__(self, c, kernel, stride, padding):
        super().__init__(
            nn.ReLU(), nn.Conv2d(c, c, kernel, stride, padding, groups=c, bias=False),
            nn.Conv2d(c, c, 1, bias=False), nn.BatchNorm2d(c, affine=False),
            nn.ReLU(), nn.Conv2d(c, c, kernel, 1, padding, groups=c, bias=False),
            nn.Conv2d(c, c, 1, bias=False), nn.BatchNorm2d(c, affine=False))


class DilConv(nn.Sequential):
    def __init__(self, c, kernel, stride, padding, dilation):
        super().__init__(
            nn.ReLU(), nn.Conv2d(c, c, kernel, stride, padding, dilation=dilation, groups=c, bias=False),
            nn.Conv2d(c, c, 1, bias=False), nn.BatchNorm2d(c, affine=False))


class FactorizedReduce(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv1 = nn.Conv2d(c_in, c_out // 2, 1, 2, bias=False)
        self.conv2 = nn.Conv2d(c_in, c_out // 2, 1, 2, bias=False)
        self.bn = nn.BatchNorm2d(c_out, affine=False)

    def forward(self, x):
        x = F.relu(x)
        return self.bn(torch.cat([self.conv1(x), self.conv2(x[:, :, 1:, 1:])], 1))


class Zero(nn.Module):
    def __init__(self, stride):
        super().__init__()
        self.stride = stride

    def forward(self, x):
        return x[:, :, ::self.stride, ::self.stride].mul(0.)


def make_op(name, c, stride):
    return {
        "none": lambda: Zero(stride),
        "max_pool_3x3": lambda: nn.Sequential(nn.MaxPool2d(3, stride, 1), nn.BatchNorm2d(c, affine=False)),
        "avg_pool_3x3": lambda: nn.Sequential(nn.AvgPool2d(3, stride, 1, count_include_pad=False),
                                              nn.BatchNorm2d(c, affine=False)),
        "skip_connect": lambda: nn.Identity() if stride == 1 else FactorizedReduce(c, c),
        "sep_conv_3x3": lambda: SepConv(c, 3, stride, 1),
        "sep_conv_5x5": lambda: SepConv(c, 5, stride, 2),
        "dil_conv_3x3": lambda: DilConv(c, 3, stride, 2, 2),
        "dil_conv_5x5": lambda: DilConv(c, 5, stride, 4, 2),
    }[name]()


def shuffle(x, groups):
    b, c, h, w = x.shape
    return x.view(b, groups, c // groups, h, w).transpose(1, 2).contiguous().view(b, c, h, w)


class MixedOp(nn.Module):
    def __init__(self, c, stride, k):
        super().__init__()
        self.k, self.stride = k, stride
        self.ops = nn.ModuleList(make_op(p, c // k, stride) for p in PRIMITIVES)

    def forward(self, x, weights):
        part = x.shape[1] // self.k
        head, rest = x[:, :part], x[:, part:]
        out = sum(w * op(head) for w, op in zip(weights, self.ops))
        if self.k == 1:
            return out
        if self.stride == 2:
            rest = F.max_pool2d(rest, 2, 2)
        return shuffle(torch.cat([out, rest], 1), self.k)


class Preprocess(nn.Sequential):
    def __init__(self, c_in, c_out):
        super().__init__(nn.ReLU(), nn.Conv2d(c_in, c_out, 1, bias=False), nn.BatchNorm2d(c_out, affine=False))


class Cell(nn.Module):
    def __init__(self, nodes, c_pp, c_p, c, reduction, reduction_prev, k):
        super().__init__()
        self.reduction, self.nodes = reduction, nodes
        self.pre0 = FactorizedReduce(c_pp, c) if reduction_prev else Preprocess(c_pp, c)
        self.pre1 = Preprocess(c_p, c)
        self.edges = nn.ModuleList(MixedOp(c, 2 if reduction and j < 2 else 1, k)
                                   for i in range(nodes) for j in range(2 + i))

    def forward(self, s0, s1, weights, edge_weights):
        states = [self.pre0(s0), self.pre1(s1)]
        offset = 0
        for _ in range(self.nodes):
            states.append(sum(edge_weights[offset + j] * self.edges[offset + j](h, weights[offset + j])
                              for j, h in enumerate(states)))
            offset += len(states) - 1
        return torch.cat(states[2:], 1)


class Network(nn.Module):
    def __init__(self, c=16, layers=8, nodes=4, k=4, classes=10):
        super().__init__()
        self.nodes = nodes
        self.stem = nn.Sequential(nn.Conv2d(3, 3 * c, 3, padding=1, bias=False), nn.BatchNorm2d(3 * c))
        c_pp, c_p, c_cur, reduction_prev = 3 * c, 3 * c, c, False
        self.cells = nn.ModuleList()
        for i in range(layers):
            reduction = i in (layers // 3, 2 * layers // 3)
            if reduction:
                c_cur *= 2
            self.cells.append(Cell(nodes, c_pp, c_p, c_cur, reduction, reduction_prev, k))
            reduction_prev = reduction
            c_pp, c_p = c_p, nodes * c_cur
        self.classifier = nn.Linear(c_p, classes)
        edges = nodes * (nodes + 3) // 2
        self.alphas = [(1e-3 * torch.randn(edges, len(PRIMITIVES))).requires_grad_() for _ in range(2)]
        self.betas = [(1e-3 * torch.randn(edges)).requires_grad_() for _ in range(2)]

    def edge_weights(self, betas):
        parts, start = [], 0
        for i in range(self.nodes):
            parts.append(F.softmax(betas[start:start + i + 2], dim=-1))
            start += i + 2
        return torch.cat(parts)

    def forward(self, x):
        s0 = s1 = self.stem(x)
        for cell in self.cells:
            t = 1 if cell.reduction else 0
            s0, s1 = s1, cell(s0, s1, F.softmax(self.alphas[t], dim=-1), self.edge_weights(self.betas[t]))
        return self.classifier(s1.mean([2, 3]))


def peak_rss_bytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--k", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    net = Network(k=args.k)
    weights = list(net.parameters())
    sgd = torch.optim.SGD(weights, 0.1, momentum=0.9, weight_decay=3e-4)
    adam = torch.optim.Adam(net.alphas + net.betas, 6e-4, betas=(0.5, 0.999), weight_decay=1e-3)
    net.train()
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
    times = []
    for step in range(args.warmup + args.steps):
        images, labels = torch.randn(args.batch_size, 3, 32, 32), torch.randint(0, 10, (args.batch_size,))
        start = time.perf_counter()
        adam.zero_grad()
        F.cross_entropy(net(images), labels).backward()
        adam.step()
        sgd.zero_grad()
        F.cross_entropy(net(images), labels).backward()
        nn.utils.clip_grad_norm_(weights, 5.0)
        sgd.step()
        if step >= args.warmup:
            times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({
        "k": args.k, "torch": torch.__version__, "threads": args.threads, "batchSize": args.batch_size,
        "medianStepMs": round(statistics.median(times), 1), "minStepMs": round(min(times), 1),
        "maxStepMs": round(max(times), 1), "peakProcessMiB": round(peak_rss_bytes() / 1048576, 1),
        "weightParameters": sum(p.numel() for p in weights)}))


if __name__ == "__main__":
    main()

"""The evaluation network laid out as the PC-DARTS authors' model.py lays it out (module names, order and shapes),
written here from the description in docs/pc-darts.md so that a state_dict exported by PcDarts can be loaded with
strict=True and run in eval mode.

usage: authors_network.py SPEC.json STATE.pt IMAGES.npy LOGITS.npy
SPEC.json: {"genotype": {"normal": [[op, input], ...], "normal_concat": [...], "reduce": ..., "reduce_concat": ...},
            "network": "cifar" | "imagenet", "channels": C, "layers": L, "classes": N, "auxiliary": bool}
Prints the number of tensors loaded; writes the eval-mode logits as float32.
"""
import json
import sys

import numpy as np
import torch
import torch.nn as nn


class ReluConvNorm(nn.Module):
    def __init__(self, c_in, c_out, kernel, stride, padding):
        super().__init__()
        self.op = nn.Sequential(nn.ReLU(), nn.Conv2d(c_in, c_out, kernel, stride, padding, bias=False), nn.BatchNorm2d(c_out))

    def forward(self, x):
        return self.op(x)


class Separable(nn.Module):
    def __init__(self, c, kernel, stride, padding):
        super().__init__()
        self.op = nn.Sequential(
            nn.ReLU(), nn.Conv2d(c, c, kernel, stride, padding, groups=c, bias=False), nn.Conv2d(c, c, 1, bias=False), nn.BatchNorm2d(c),
            nn.ReLU(), nn.Conv2d(c, c, kernel, 1, padding, groups=c, bias=False), nn.Conv2d(c, c, 1, bias=False), nn.BatchNorm2d(c))

    def forward(self, x):
        return self.op(x)


class Dilated(nn.Module):
    def __init__(self, c, kernel, stride, padding):
        super().__init__()
        self.op = nn.Sequential(
            nn.ReLU(), nn.Conv2d(c, c, kernel, stride, padding, dilation=2, groups=c, bias=False),
            nn.Conv2d(c, c, 1, bias=False), nn.BatchNorm2d(c))

    def forward(self, x):
        return self.op(x)


class HalveByTwoConvs(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.relu = nn.ReLU()
        self.conv_1 = nn.Conv2d(c_in, c_out // 2, 1, 2, bias=False)
        self.conv_2 = nn.Conv2d(c_in, c_out // 2, 1, 2, bias=False)
        self.bn = nn.BatchNorm2d(c_out)

    def forward(self, x):
        x = self.relu(x)
        return self.bn(torch.cat([self.conv_1(x), self.conv_2(x[:, :, 1:, 1:])], dim=1))


class Same(nn.Module):
    def forward(self, x):
        return x


def operation(name, c, stride):
    if name == 'avg_pool_3x3':
        return nn.AvgPool2d(3, stride, 1, count_include_pad=False)
    if name == 'max_pool_3x3':
        return nn.MaxPool2d(3, stride, 1)
    if name == 'skip_connect':
        return Same() if stride == 1 else HalveByTwoConvs(c, c)
    if name.startswith('sep_conv_'):
        k = int(name[-1])
        return Separable(c, k, stride, k // 2)
    if name.startswith('dil_conv_'):
        k = int(name[-1])
        return Dilated(c, k, stride, k - 1)
    raise ValueError(name)


class GenotypeCell(nn.Module):
    def __init__(self, genotype, c_pp, c_p, c, reduction, reduction_prev):
        super().__init__()
        self.preprocess0 = HalveByTwoConvs(c_pp, c) if reduction_prev else ReluConvNorm(c_pp, c, 1, 1, 0)
        self.preprocess1 = ReluConvNorm(c_p, c, 1, 1, 0)
        edges = genotype['reduce' if reduction else 'normal']
        self.concat = genotype['reduce_concat' if reduction else 'normal_concat']
        self.inputs = [index for _, index in edges]
        self._ops = nn.ModuleList([operation(op, c, 2 if reduction and index < 2 else 1) for op, index in edges])
        self.multiplier = len(self.concat)

    def forward(self, s0, s1):
        states = [self.preprocess0(s0), self.preprocess1(s1)]
        for node in range(len(self._ops) // 2):
            a, b = 2 * node, 2 * node + 1
            states.append(self._ops[a](states[self.inputs[a]]) + self._ops[b](states[self.inputs[b]]))
        return torch.cat([states[i] for i in self.concat], dim=1)


def tower(c, classes, pool_stride, second_norm):
    layers = [nn.ReLU(), nn.AvgPool2d(5, pool_stride, 0, count_include_pad=False), nn.Conv2d(c, 128, 1, bias=False),
              nn.BatchNorm2d(128), nn.ReLU(), nn.Conv2d(128, 768, 2, bias=False)]
    if second_norm:
        layers.append(nn.BatchNorm2d(768))
    layers.append(nn.ReLU())
    head = nn.Module()
    head.features = nn.Sequential(*layers)
    head.classifier = nn.Linear(768, classes)
    return head


class Network(nn.Module):
    def __init__(self, spec):
        super().__init__()
        c, layers, imagenet = spec['channels'], spec['layers'], spec['network'] == 'imagenet'
        if imagenet:
            self.stem0 = nn.Sequential(nn.Conv2d(3, c // 2, 3, 2, 1, bias=False), nn.BatchNorm2d(c // 2), nn.ReLU(),
                                       nn.Conv2d(c // 2, c, 3, 2, 1, bias=False), nn.BatchNorm2d(c))
            self.stem1 = nn.Sequential(nn.ReLU(), nn.Conv2d(c, c, 3, 2, 1, bias=False), nn.BatchNorm2d(c))
            c_pp = c_p = c
            reduction_prev = True
        else:
            self.stem = nn.Sequential(nn.Conv2d(3, 3 * c, 3, 1, 1, bias=False), nn.BatchNorm2d(3 * c))
            c_pp = c_p = 3 * c
            reduction_prev = False
        self.cells = nn.ModuleList()
        c_cur = c
        for i in range(layers):
            reduction = i in (layers // 3, 2 * layers // 3)
            if reduction:
                c_cur *= 2
            cell = GenotypeCell(spec['genotype'], c_pp, c_p, c_cur, reduction, reduction_prev)
            self.cells.append(cell)
            reduction_prev = reduction
            c_pp, c_p = c_p, cell.multiplier * c_cur
            if i == 2 * layers // 3:
                c_aux = c_p
        if spec['auxiliary']:
            self.auxiliary_head = tower(c_aux, spec['classes'], 2 if imagenet else 3, not imagenet)
        self.classifier = nn.Linear(c_p, spec['classes'])
        self.imagenet = imagenet

    def forward(self, x):
        if self.imagenet:
            s0 = self.stem0(x)
            s1 = self.stem1(s0)
        else:
            s0 = s1 = self.stem(x)
        for cell in self.cells:
            s0, s1 = s1, cell(s0, s1)
        return self.classifier(s1.mean(dim=(2, 3)))


def main(spec_path, state_path, images_path, logits_path):
    with open(spec_path) as f:
        spec = json.load(f)
    model = Network(spec)
    state = torch.load(state_path)
    model.load_state_dict(state, strict=True)
    model.eval()
    with torch.no_grad():
        logits = model(torch.from_numpy(np.load(images_path)))
    np.save(logits_path, logits.numpy().astype(np.float32))
    print(len(state))


if __name__ == '__main__':
    main(*sys.argv[1:5])

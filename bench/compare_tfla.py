#!/usr/bin/env python3
"""The official mLSTM kernels beside PyTorch's FlashAttention, at the shapes bench/mlstm_kernels uses.

Run on the GPU machine by scripts/gpu-check, in the same call as bench/mlstm_kernels (Seqscope's own
kernels), so the three are measured side by side on one GPU:
  - mlstm-kernels' Triton TFLA kernel (chunkwise--triton_xl_chunk, the pinned wheel), bf16;
  - torch.nn.functional.scaled_dot_product_attention with the FlashAttention backend, causal, bf16;
  - the decode step: mlstm-kernels' Triton step kernel.
Shapes: 65,536 tokens (B*S) at S = 8192 and 65536, 16 heads, DHQK 128, DHHV 256 (attention: head
dim 128), as mlstm.md section 9. Method: CUDA events, warm-up, a 256 MB L2 flush before each repeat,
median of the repeats. Benchmark only: the product never runs Python.

    python3 bench/compare_tfla.py [--quick] [--json OUT.json]
"""
import argparse
import json
import sys

import torch


def median_ms(fn, warmup=3, reps=10):
    flush = torch.empty(256 << 20, dtype=torch.uint8, device="cuda")
    for _ in range(warmup):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(reps):
        flush.zero_()
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        fn()
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end))
    times.sort()
    return times[len(times) // 2]


def tfla_times(kernel, B, NH, S, DQK, DHV):
    g = torch.Generator(device="cuda").manual_seed(0)
    opts = dict(device="cuda", dtype=torch.bfloat16)
    q = torch.randn(B, NH, S, DQK, generator=g, **opts)
    k = torch.randn(B, NH, S, DQK, generator=g, **opts)
    v = torch.randn(B, NH, S, DHV, generator=g, **opts)
    i = torch.randn(B, NH, S, generator=g, **opts)
    f = torch.randn(B, NH, S, generator=g, **opts) + 3.0

    def fwd():
        with torch.no_grad():
            kernel(q=q, k=k, v=v, i=i, f=f, chunk_size=128, autocast_kernel_dtype=torch.bfloat16)

    leaves = [t.detach().clone().requires_grad_() for t in (q, k, v, i, f)]

    def fwbw():
        for t in leaves:
            t.grad = None
        h = kernel(q=leaves[0], k=leaves[1], v=leaves[2], i=leaves[3], f=leaves[4], chunk_size=128,
                   autocast_kernel_dtype=torch.bfloat16)
        h.sum().backward()

    return median_ms(fwd), median_ms(fwbw)


def sdpa_times(B, NH, S, D):
    from torch.nn.attention import SDPBackend, sdpa_kernel

    g = torch.Generator(device="cuda").manual_seed(0)
    q, k, v = (torch.randn(B, NH, S, D, generator=g, device="cuda", dtype=torch.bfloat16) for _ in range(3))
    leaves = [t.detach().clone().requires_grad_() for t in (q, k, v)]

    def fwd():
        with torch.no_grad(), sdpa_kernel(SDPBackend.FLASH_ATTENTION):
            torch.nn.functional.scaled_dot_product_attention(q, k, v, is_causal=True)

    def fwbw():
        for t in leaves:
            t.grad = None
        with sdpa_kernel(SDPBackend.FLASH_ATTENTION):
            o = torch.nn.functional.scaled_dot_product_attention(*leaves, is_causal=True)
        o.sum().backward()

    return median_ms(fwd), median_ms(fwbw)


def step_time(step_kernel, B, NH, DQK, DHV):
    opts = dict(device="cuda", dtype=torch.bfloat16)
    q, k = torch.randn(B, NH, DQK, **opts), torch.randn(B, NH, DQK, **opts)
    v = torch.randn(B, NH, DHV, **opts)
    i, f = torch.randn(B, NH, 1, **opts), torch.randn(B, NH, 1, **opts) + 3.0
    c = torch.zeros(B, NH, DQK, DHV, device="cuda", dtype=torch.float32)
    n = torch.zeros(B, NH, DQK, device="cuda", dtype=torch.float32)
    m = torch.zeros(B, NH, 1, device="cuda", dtype=torch.float32)

    def one():
        step_kernel(q=q, k=k, v=v, i=i, f=f, c=c, n=n, m=m)

    return median_ms(one, warmup=5, reps=50)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="S = 8192 only")
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args()
    if not torch.cuda.is_available():
        print("SKIP: no CUDA device")
        return 0
    report = {"device": torch.cuda.get_device_name(), "torch": torch.__version__, "rows": [], "errors": []}
    try:
        import mlstm_kernels
        from mlstm_kernels.torch import get_mlstm_kernel, get_mlstm_step_kernel

        tfla = get_mlstm_kernel("chunkwise--triton_xl_chunk")
        report["mlstm_kernels"] = getattr(mlstm_kernels, "__version__", "unknown")
    except Exception as e:  # the wheel was not carried, or its Triton kernels do not load
        tfla, get_mlstm_step_kernel = None, None
        report["errors"].append(f"mlstm-kernels unavailable: {e}")
    tokens, NH, DQK, DHV = 65536, 16, 128, 256
    print(f"# compare_tfla on {report['device']}, torch {report['torch']}, mlstm-kernels {report.get('mlstm_kernels', '-')}")
    print("| S | B | TFLA fw ms | TFLA fwbw ms | SDPA flash fw ms | SDPA flash fwbw ms |")
    print("|---|---|---|---|---|---|")
    for S in ([8192] if args.quick else [8192, 65536]):
        B = tokens // S
        row = {"S": S, "B": B}
        try:
            if tfla:
                row["tfla_fw_ms"], row["tfla_fwbw_ms"] = tfla_times(tfla, B, NH, S, DQK, DHV)
        except Exception as e:
            report["errors"].append(f"TFLA S={S}: {e}")
        try:
            row["sdpa_fw_ms"], row["sdpa_fwbw_ms"] = sdpa_times(B, NH, S, DQK)
        except Exception as e:
            report["errors"].append(f"SDPA S={S}: {e}")
        report["rows"].append(row)
        cell = lambda key: f"{row[key]:.3f}" if key in row else "-"
        print(f"| {S} | {B} | {cell('tfla_fw_ms')} | {cell('tfla_fwbw_ms')} | {cell('sdpa_fw_ms')} | {cell('sdpa_fwbw_ms')} |")
    if get_mlstm_step_kernel:
        print("\n| B | TFLA step ms (NH 8, DHQK 256, DHHV 512) |\n|---|---|")
        try:
            step = get_mlstm_step_kernel("triton")
            for B in (1, 8, 32):
                ms = step_time(step, B, 8, 256, 512)
                report["rows"].append({"step_B": B, "tfla_step_ms": ms})
                print(f"| {B} | {ms:.4f} |")
        except Exception as e:
            report["errors"].append(f"step kernel: {e}")
    for e in report["errors"]:
        print(f"note: {e}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())

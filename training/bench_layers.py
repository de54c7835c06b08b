#!/usr/bin/env python3
"""Inference cost of the encoder depth: export int8 ONNX for 3, 4 and 6 layers (weights as pretrained: speed does not
depend on them) and time onnxruntime CPU, one thread, one news sentence per run. Writes out/bench-layers.json."""
import json, os, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import numpy as np
import torch
import onnxruntime as ort
from onnxruntime.quantization import QuantType, quantize_dynamic
import train as T

torch.set_num_threads(1)
tok = T.get_tokenizer()
corpus = T.find_corpus()
news = [r["text"] for r in T.load_data(corpus)["pages"]][:200]
enc = [T.collate(T.encode(tok, [t], 64)) for t in news]
res = {}
sessions = {}
for L in [3, 4, 6]:
    m = T.ClaimModel(L, attn="eager").eval()
    w = T.ExportWrapper(m).eval()
    p32 = T.OUT / f"bench-L{L}.onnx"
    p8 = T.OUT / f"bench-L{L}.int8.onnx"
    with torch.no_grad():
        torch.onnx.export(w, enc[0], str(p32), input_names=["input_ids", "attention_mask"], output_names=["logits"],
                          opset_version=14, dynamic_axes={"input_ids": {0: "b", 1: "s"}, "attention_mask": {0: "b", 1: "s"},
                                                          "logits": {0: "b"}}, dynamo=False)
    quantize_dynamic(str(p32), str(p8), weight_type=QuantType.QInt8, per_channel=True)
    so = ort.SessionOptions(); so.intra_op_num_threads = 1; so.inter_op_num_threads = 1
    sessions[L] = ort.InferenceSession(str(p8), so, providers=["CPUExecutionProvider"])
    res[L] = {"int8_mb": p8.stat().st_size / 1e6, "ms": []}
for rep in range(3):  # interleave to share the machine's load fairly between depths
    for L, s in sessions.items():
        t = time.perf_counter()
        for ids, mask in enc:
            s.run(None, {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})
        res[L]["ms"].append((time.perf_counter() - t) * 1000 / len(enc))
for L in res:
    res[L]["ms_per_sentence_min"] = min(res[L]["ms"])
print(json.dumps(res, indent=1))
(T.OUT / "bench-layers.json").write_text(json.dumps(res, indent=1))

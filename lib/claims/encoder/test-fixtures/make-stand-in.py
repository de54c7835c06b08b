"""Builds the stand-in model of the encoder tests: the real model's interface (input_ids, attention_mask → logits
[batch, 2]) in a few hundred bytes. Embedding of (id mod 17) → masked mean → linear → logits. Run with any Python
that has onnx, numpy and onnxruntime (e.g. training/.venv); writes stand-in/ and stand-in-cases.json."""
import json
from pathlib import Path
import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

here = Path(__file__).parent
out = here / "stand-in"
(out / "onnx").mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(7)
emb = rng.normal(size=(17, 4)).astype(np.float32)
w = rng.normal(size=(4, 2)).astype(np.float32)
inits = [numpy_helper.from_array(emb, "emb"), numpy_helper.from_array(w, "w"),
         numpy_helper.from_array(np.array(17, dtype=np.int64), "seventeen"),
         numpy_helper.from_array(np.array([2], dtype=np.int64), "axis2"),
         numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1")]
nodes = [
    helper.make_node("Mod", ["input_ids", "seventeen"], ["ids17"]),
    helper.make_node("Gather", ["emb", "ids17"], ["h"]),                      # [B,S,4]
    helper.make_node("Cast", ["attention_mask"], ["m"], to=TensorProto.FLOAT),
    helper.make_node("Unsqueeze", ["m", "axis2"], ["m3"]),                    # [B,S,1]
    helper.make_node("Mul", ["h", "m3"], ["hm"]),
    helper.make_node("ReduceSum", ["hm", "axis1"], ["s"], keepdims=0),        # [B,4]
    helper.make_node("ReduceSum", ["m3", "axis1"], ["n"], keepdims=0),        # [B,1]
    helper.make_node("Div", ["s", "n"], ["pooled"]),
    helper.make_node("MatMul", ["pooled", "w"], ["logits"]),                  # [B,2]
]
graph = helper.make_graph(
    nodes, "stand_in",
    [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
     helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
    [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 2])], inits)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, out / "onnx" / "model_quantized.onnx")

vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "rate", "fell", "to", "3", ".", "9", "%", "i", "love",
         "this", "song", "said", "office", "un", "##employ", "##ment", ",", "last", "year", "statistics"]
(out / "vocab.txt").write_text("\n".join(vocab) + "\n")
(out / "claims-model.json").write_text(json.dumps({
    "name": "stand-in (tests only)", "model": "onnx/model_quantized.onnx", "maxLength": 8, "lowercase": True,
    "stripAccents": True, "output": {"name": "logits", "yesIndex": 1}, "suggestedThreshold": 0.5}, indent=2) + "\n")

# Expected scores, one sentence per run (ids written out here: the TypeScript tokenizer must produce them).
cases = [
    ("Unemployment fell to 3.9% last year, the statistics office said.", [2, 19, 20, 21, 7, 8, 9, 3]),
    ("I love this song.", [2, 13, 14, 15, 16, 10, 3]),
    ("The rate", [2, 5, 6, 3]),
    ("", [2, 3]),
]
sess = ort.InferenceSession(str(out / "onnx" / "model_quantized.onnx"), providers=["CPUExecutionProvider"])
result = []
for text, ids in cases:
    a = np.array([ids], dtype=np.int64)
    logits = sess.run(["logits"], {"input_ids": a, "attention_mask": np.ones_like(a)})[0][0]
    p = float(np.exp(logits[1]) / np.exp(logits).sum())
    result.append({"text": text, "input_ids": ids, "score": p})
(here / "stand-in-cases.json").write_text(json.dumps({"maxLength": 8, "cases": result}, indent=1) + "\n")
print(result)

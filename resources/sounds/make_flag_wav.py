"""Writes flag.wav beside this script: the FLAG alert (two soft rising tones, about half a second).

Run it again after changing a number below: ``python resources/sounds/make_flag_wav.py``. Mono, 16-bit,
22.05 kHz; kept short and small (about 20 KB) so that it travels in the wheel and the standalone build.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

RATE = 22050  # samples per second
TONES = ((659.25, 0.18), (880.0, 0.24))  # (Hz, seconds): E5 then A5, a friendly rising fourth
GAP = 0.04  # seconds of silence between the tones
VOLUME = 0.45  # of full scale: noticeable, not startling
FADE = 0.015  # seconds of fade in and out of each tone (no clicks)


def tone(freq: float, seconds: float) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    # A little second and third harmonic makes it rounder than a bare sine (a soft chime).
    wave_ = (
        np.sin(2 * np.pi * freq * t)
        + 0.25 * np.sin(4 * np.pi * freq * t)
        + 0.1 * np.sin(6 * np.pi * freq * t)
    )
    envelope = np.exp(-3.0 * t / seconds)  # decays like a struck chime
    n = int(RATE * FADE)
    ramp = np.linspace(0.0, 1.0, n)
    envelope[:n] *= ramp
    envelope[-n:] *= ramp[::-1]
    return wave_ * envelope / 1.35


def alert() -> np.ndarray:
    gap = np.zeros(int(RATE * GAP))
    parts = []
    for freq, seconds in TONES:
        parts += [tone(freq, seconds), gap]
    return np.concatenate(parts)


def write(path: Path) -> None:
    samples = np.clip(alert() * VOLUME, -1.0, 1.0)
    pcm = (samples * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm.tobytes())


if __name__ == "__main__":
    target = Path(__file__).resolve().parent / "flag.wav"
    write(target)
    print(f"{target}: {target.stat().st_size} bytes")

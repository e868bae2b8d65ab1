"""How long a speech is: characters counted as the genre counts them, and minutes."""

from __future__ import annotations

from dataclasses import dataclass


def count_characters(text: str) -> int:
    """Characters of the speech: Han characters, punctuation, digits; whitespace ignored."""
    return sum(1 for char in text if not char.isspace())


@dataclass(frozen=True)
class Length:
    characters: int
    rate: int

    @property
    def minutes(self) -> float:
        return self.characters / self.rate

    def summary(self) -> str:
        """``1,234 字，约 6.9 分钟``."""
        return f"{self.characters:,} 字，约 {self.minutes:.1f} 分钟"


def measure(text: str, rate: int) -> Length:
    return Length(count_characters(text), rate)

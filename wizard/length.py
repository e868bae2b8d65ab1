"""How long a speech is: characters counted as the genre counts them, and minutes.

Everything here is a pure function of text or of a record, so the review step
and ``check`` show the same numbers: the total with its speaking time, how far
it is from a target of 3, 5, 8 or 10 minutes, and the share of each section.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from wizard.assemble import Block, blocks, render_text
from wizard.model import Speech

#: Speaking-time targets the wizard offers (minutes); 0 means no target.
TARGET_MINUTES: tuple[int, ...] = (3, 5, 8, 10)

#: How blocks other than sections are named in the per-block count.
_BLOCK_LABELS = {
    "title": "标题",
    "salutation": "称呼",
    "greeting": "问候语",
    "opening": "开头",
    "transition": "过渡段",
    "closing": "结束语",
    "signature": "落款",
}
#: A section without a heading line, named for what it is.
_HEADLESS_LABEL = "正文"


def count_characters(text: str) -> int:
    """Characters of the speech: Han characters, punctuation, digits; whitespace ignored.

    Speeches are measured in 字 as typed on the page, punctuation included,
    so every non-whitespace character counts once.
    """
    # split() drops exactly the characters isspace() calls whitespace, in C: the
    # wizard counts the whole speech on every keystroke.
    return sum(map(len, text.split()))


def text_width(text: str) -> float:
    """Width in body characters on the printed page: a Chinese character or full-width mark is one, ASCII half."""
    return sum(0.5 if ord(char) < 0x2E80 else 1.0 for char in text)


def count_blocks(blocks: list[Block]) -> int:
    """Characters of the speech made of ``blocks``: what ``measure_speech`` counts."""
    return sum(count_characters(line) for block in blocks for line in block.lines)


@dataclass(frozen=True)
class Length:
    """A character count read at ``rate`` characters a minute, with an optional target."""

    characters: int
    rate: int
    target_minutes: int = 0

    @property
    def minutes(self) -> float:
        return self.characters / self.rate

    @property
    def target_characters(self) -> int:
        """How many characters fill the target time; 0 without a target."""
        return self.target_minutes * self.rate

    @property
    def over(self) -> int:
        """Characters beyond the target (negative: still to write); 0 without a target."""
        return self.characters - self.target_characters if self.target_minutes else 0

    def summary(self) -> str:
        """``1,234 字，约 6.9 分钟``."""
        return f"{self.characters:,} 字，约 {self.minutes:.1f} 分钟"

    def target_summary(self) -> str:
        """How far the speech is from its target, or "" without one.

        ``比 5 分钟目标多 120 字（约 0.7 分钟）`` / ``距 5 分钟目标还可再写 120 字（约 0.7 分钟）``.
        """
        if not self.target_minutes:
            return ""
        target = f"{self.target_minutes} 分钟目标"
        gap = abs(self.over)
        if gap == 0:
            return f"正好达到 {target}（{self.target_characters:,} 字）"
        amount = f"{gap:,} 字（约 {gap / self.rate:.1f} 分钟）"
        if self.over > 0:
            return f"比 {target}多 {amount}"
        return f"距 {target}还可再写 {amount}"

    def line(self) -> str:
        """The summary and, when a target is set, how far from it: one line."""
        target = self.target_summary()
        return f"{self.summary()}；{target}" if target else self.summary()


def measure(text: str, rate: int, target_minutes: int = 0) -> Length:
    return Length(count_characters(text), rate, target_minutes)


def measure_speech(speech: Speech) -> Length:
    """The assembled speech measured at the record's speaking rate and target."""
    layout = speech.layout
    return measure(render_text(speech), layout.speaking_rate, layout.target_minutes)


class BlockLength(NamedTuple):
    """Characters in one block of the speech (``key`` as in ``wizard.assemble.Block``)."""

    key: str
    label: str
    characters: int


def _label(block: Block) -> str:
    if block.key.startswith("section:"):
        if block.roles[:1] == ("heading",):
            return block.lines[0]
        return _HEADLESS_LABEL
    return _BLOCK_LABELS.get(block.key, block.key)


def block_lengths(speech: Speech) -> list[BlockLength]:
    """Characters per block, in speech order; a section is labelled by its heading line.

    The counts add up to ``measure_speech(speech).characters``. A blank
    section, left out of the speech, is left out here too.
    """
    return [
        BlockLength(block.key, _label(block), sum(map(count_characters, block.lines)))
        for block in blocks(speech)
        if block.lines
    ]


def blocks_line(speech: Speech) -> str:
    """Characters per block on one line, sections by number: ``开头 214 字，一 783 字，…``."""
    parts = []
    for block in block_lengths(speech):
        headed = block.key.startswith("section:") and block.label != _HEADLESS_LABEL
        label = block.label.split("、", 1)[0] if headed else block.label
        parts.append(f"{label} {block.characters:,} 字")
    return "，".join(parts)

"""The operational attributes of a decision, as the groups an audit counts by.

Scores are kept and also cut into bands, so an audit can group by them:
urgency in [0, 1]: low < 1/3 <= medium < 2/3 <= high;
sentiment in [-1, 1]: negative < -0.2 <= neutral <= 0.2 < positive.
"""

from __future__ import annotations

from dataclasses import dataclass


def urgency_band(urgency: float) -> str:
    if urgency < 1 / 3:
        return "low"
    return "medium" if urgency < 2 / 3 else "high"


def sentiment_band(sentiment: float) -> str:
    if sentiment < -0.2:
        return "negative"
    return "positive" if sentiment > 0.2 else "neutral"


@dataclass(frozen=True)
class OperationalAttributes:
    language: str | None
    channel: str
    urgency: float
    sentiment: float

    def columns(self) -> dict[str, object]:
        return {
            "language": self.language,
            "channel": self.channel,
            "urgency": float(self.urgency),
            "urgency_band": urgency_band(self.urgency),
            "sentiment": float(self.sentiment),
            "sentiment_band": sentiment_band(self.sentiment),
        }

"""Scoring Rasd's output against gold annotations (EVENTS.md section 6)."""
from rasd.evaluate.score import Report, score_articles

__all__ = ["Report", "score_articles"]

"""Fairness services: the monitor and consented protected attributes."""

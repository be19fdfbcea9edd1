"""The Prop 64 rules engine: pure Python, no I/O. ``evaluate(facts, evaluation_date)``."""

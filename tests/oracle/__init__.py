"""An independent reading of law.md, used to check the engine (issue 8)."""

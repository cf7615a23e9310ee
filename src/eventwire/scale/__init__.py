"""Scaling out: code articles in several worker processes (``local``)."""

"""Vollzugsaufwand: the municipal Erfüllungsaufwand of a law estimated from the towns' models (NKR method)."""

"""Built-in rules: one module per rule, discovered by :mod:`vollzug.lint.registry`."""

"""The command table of the ``vollzug`` root: one entry per click command module, and the root's help texts.

Kept free of click so the console entry point can answer ``vollzug --help`` and ``--version`` without importing it.
"""

from __future__ import annotations

# name -> (module, short help). One click command per module; this is the one place they are registered.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("vollzug.cli.validate", "Check BPMN files against the XSD and for semantic errors."),
    "convert": ("vollzug.cli.convert", "Convert .bpmn ⇄ .json/.yaml of the domain model; .bpmn→.bpmn round-trips."),
    "show": ("vollzug.cli.show", "Summarise a model: pools, lanes, steps, flows, citations, warnings."),
    "schema": ("vollzug.cli.schema", "Print the JSON Schema of the domain model."),
    "law": ("vollzug.cli.law", "Law catalogues and texts: show, import, verify, coverage, draft, changes, audit."),
    "import": ("vollzug.cli.import_bpmn", "Turn a BPMN drawn in a modeller into an authoring YAML."),
    "build": ("vollzug.cli.build", "Compile authoring YAML to BPMN 2.0 with pools, lanes and layout."),
    "decompose": ("vollzug.cli.decompose", "Write a SOLL skeleton for one municipality from a catalogue."),
    "render": ("vollzug.cli.render", "Draw a model as drawn (BPMN DI) as SVG/PNG/PDF; Graphviz without DI."),
    "diff": ("vollzug.cli.diff", "Compare two models (IST/SOLL, town/town) semantically."),
    "match": ("vollzug.cli.match", "Match the steps of two models: CSV, JSON, Alignment RDF; --gold scores P/R/F1."),
    "check": ("vollzug.cli.check", "Run the rules on models and report findings."),
    "rules": ("vollzug.cli.rules", "List rules or explain one."),
    "compare": ("vollzug.cli.compare", "Compare many towns against a reference: matrices, clustering."),
    "report": ("vollzug.cli.report", "Write gap reports (HTML, Markdown, XLSX, CSV, JSON)."),
    "synth": ("vollzug.cli.synth", "Generate synthetic towns from a reference model."),
    "templates": ("vollzug.cli.templates", "Element templates for the Camunda Modeler from a law catalogue."),
    "mine": ("vollzug.cli.mine", "Process mining on event logs: discover, conform, compare."),
    "reference": ("vollzug.cli.reference", "Merge many towns' models into one reference process (support per step)."),
    "cooperation": ("vollzug.cli.cooperation", "Find towns that could pool the same small jobs (shared services)."),
    "effort": ("vollzug.cli.effort", "Estimate the municipal compliance cost of a law (Erfüllungsaufwand)."),
    "municipalities": ("vollzug.cli.municipalities", "Read, convert or make up municipal master data (GV100AD, CSV)."),
}

ROOT_HELP = ("vollzug – Gesetzesvollzug explizit machen: law catalogues, BPMN models of municipal practice, "
             "IST/SOLL diffs, rule checks and gap reports.")
DEBUG_HELP = "Show tracebacks for errors."
LANG_HELP = "Language of output and errors of every command: de or en (default: $VOLLZUG_LANG, else de)."
HELP_OPTIONS = ("-h", "--help")
MAX_CONTENT_WIDTH = 110

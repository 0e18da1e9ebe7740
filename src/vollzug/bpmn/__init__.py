"""vollzug's BPMN 2.0 layer on lxml: safe parsing, a lossless indexed document, the domain-model view, validation.

Modules: ``safe_xml`` (the project's only XML entry point), ``spec`` (the element table), ``document`` (BpmnDocument),
``di`` (shapes/edges), ``writer``/``roundtrip`` (lossless output and its check), ``to_model`` (OperationalModel view),
``validate`` (XSD + semantic checks), ``extension`` (our ``vz:`` codec), ``convert``/``summary`` (used by the CLI).
See docs/decisions/0001-own-bpmn-layer.md.
"""

"""Integration with the modellers analysts use: element templates and the Camunda Modeler plug-in."""

"""The case engine's machinery: the BPMN flow runtime (SpiffWorkflow), the working-day clock and case numbering.

Nothing here writes a case's state; the services in :mod:`tongban.cases.services` do, using these.
"""

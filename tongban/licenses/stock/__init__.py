"""Stock conversion (存量证照电子化): importing existing licences from a CSV or XLSX file (ADR 0013, issue 9 §1).

``parsing`` reads the file, ``validation`` checks each row, ``services`` starts an import and runs it in chunks
(``tasks`` queues it), ``workbooks`` writes the template and the rejected rows; ``views``/``urls`` and ``api`` are
the data administrator's pages and endpoints. Import the services from :mod:`tongban.licenses.stock.services`.
"""

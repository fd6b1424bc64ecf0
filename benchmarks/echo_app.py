"""The ceiling for the API benchmark: a bare Flask app that echoes a JSON body, nothing else.

Served by gunicorn with the same worker count and worker class as `rekenhulp serve`
(benchmarks/api_load.py starts it). Not part of the production app.
"""

from __future__ import annotations

import json

from flask import Flask, Response, request

app = Flask(__name__)


@app.post("/echo")
def echo():
    data = json.loads(request.get_data())
    return Response(json.dumps(data, ensure_ascii=False), mimetype="application/json")

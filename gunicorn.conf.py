# gunicorn reads this file from the working directory: `gunicorn 'rekenhulp:create_app()'` in the repository gets
# Rekenhulp's settings (one secret key for all workers, refusal in production without one, JSON error pages,
# request limits, no shared control socket). Elsewhere: gunicorn -c python:rekenhulp.gunicorn_conf ...
from rekenhulp.gunicorn_conf import *  # noqa: F401,F403

"""``eventwire serve``: the HTTP API and the offline map page over the event store.

```python
from eventwire.config import load_settings
from eventwire.serve import create_app

app = create_app(load_settings({"db": "events.duckdb"}))   # an ASGI app: uvicorn.run(app)
```

See ``docs/serve.md`` for the endpoints, the page and the tests.
"""

from __future__ import annotations

from eventwire.serve.app import create_app

__all__ = ["create_app"]

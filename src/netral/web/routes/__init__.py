"""One router per resource; the app includes them in this order."""

from netral.web.routes import (
    api,
    complaints,
    dashboard,
    exports,
    officer,
    public,
    selfcheck,
    tracking,
)

ROUTERS = [
    public.router,
    selfcheck.router,
    complaints.router,
    tracking.router,
    officer.router,
    dashboard.router,
    exports.router,
    api.router,
]

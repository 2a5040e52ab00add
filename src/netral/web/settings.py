"""Web settings from the environment (``NETRAL_*``), with safe defaults for a laptop demo."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

MB = 1024 * 1024


class WebSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NETRAL_", extra="ignore")

    database_url: str = Field("", description="SQLAlchemy URL; default SQLite in data_dir")
    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir("netral")))
    secret_key: str = Field("", description="Signs sessions; default: the cases key file")
    rulebook: Path | None = None

    # Cookies: Secure is set when the app is served behind TLS (``https_only``).
    https_only: bool = False
    session_max_age: int = 8 * 3600

    # Evidence uploads
    max_upload_bytes: int = 10 * MB
    max_uploads: int = 5
    upload_types: tuple[str, ...] = (
        "image/png",
        "image/jpeg",
        "image/webp",
        "application/pdf",
        "text/plain",
    )

    # Abuse limits (per client address)
    complaint_rate: int = 5  # complaints
    complaint_window: int = 3600  # seconds
    login_failures: int = 5  # failed logins before a lock-out
    login_window: int = 900
    api_scan_rate: int = 120
    api_scan_window: int = 60

    # API tokens
    token_max_age: int = 8 * 3600

    demo: bool = False

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "netral.sqlite3"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_path}"

from netral.cli.main import app

app(prog_name="netral")

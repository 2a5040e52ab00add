"""The screening room: Indonesian posts in, cited findings out."""

"""Qt item models over plain rows from db.queries; tested without windows."""

"""The pure domain core: value objects, entities, rules and errors. Standard library only."""

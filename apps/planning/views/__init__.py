"""Planning views, one module per part of the plan."""

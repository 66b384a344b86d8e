"""Where to visit next: the ranking, the trip and its schedule, notes per stop, the backtest."""

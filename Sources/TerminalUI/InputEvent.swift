/// A key or terminal event, decoded by the backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace, delete
    case pageUp, pageDown, home, end
    case function(Int)
    case ctrl(Character)
}

public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case resize(Size)
}

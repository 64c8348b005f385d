package dev.keel.spec.macro;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Macro definitions by name, each name a stack of definitions as in rpm. */
final class MacroTable {

    private final Map<String, Deque<Macro>> stacks = new HashMap<>();

    /** The visible definition of a name, or {@code null}. */
    Macro lookup(String name) {
        Deque<Macro> stack = stacks.get(name);
        return stack == null ? null : stack.peek();
    }

    void push(Macro macro) {
        stacks.computeIfAbsent(macro.name(), n -> new ArrayDeque<>()).push(macro);
    }

    /** Removes the newest definition of a name, uncovering the one before. */
    void pop(String name) {
        Deque<Macro> stack = stacks.get(name);
        if (stack != null) {
            stack.pop();
            if (stack.isEmpty()) {
                stacks.remove(name);
            }
        }
    }

    /**
     * At the end of a parametric macro call: removes the newest definition of every name whose
     * newest definition was made at {@code level} or deeper (one per name, as rpm does).
     */
    void popLevel(int level) {
        Iterator<Deque<Macro>> stacksIterator = stacks.values().iterator();
        while (stacksIterator.hasNext()) {
            Deque<Macro> stack = stacksIterator.next();
            if (stack.peek().level() >= level) {
                stack.pop();
                if (stack.isEmpty()) {
                    stacksIterator.remove();
                }
            }
        }
    }

    /** A copy of every name's stack, to undo changes with {@link #restore}. */
    Map<String, Deque<Macro>> snapshot() {
        Map<String, Deque<Macro>> copy = new HashMap<>();
        stacks.forEach((name, stack) -> copy.put(name, new ArrayDeque<>(stack)));
        return copy;
    }

    /** The names whose visible definition differs from the snapshot's. */
    Set<String> changedSince(Map<String, Deque<Macro>> snapshot) {
        Set<String> names = new HashSet<>(stacks.keySet());
        names.addAll(snapshot.keySet());
        names.removeIf(name ->
                lookup(name) == (snapshot.containsKey(name) ? snapshot.get(name).peek() : null));
        return names;
    }

    void restore(Map<String, Deque<Macro>> snapshot) {
        stacks.clear();
        stacks.putAll(snapshot);
    }
}

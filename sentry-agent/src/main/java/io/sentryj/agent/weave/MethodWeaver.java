package io.sentryj.agent.weave;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weaves one hook's calls into one method: the entry call at the start of its code, the exit call
 * before each return and, with {@code onThrow}, in a catch-all handler after the code whose ranges
 * cover the body but not the exit calls (so that an exit never runs twice).
 *
 * <p>The handler's stack map frame declares no locals and the throwable on the stack, which every
 * instruction of the body is compatible with; the woven code uses no local variable, so no other
 * frame changes. Constructors get exit calls at their returns only ({@code this} is uninitialised
 * before {@code super()}).
 */
final class MethodWeaver extends MethodVisitor {
  private static final int EXTRA_STACK = 3;

  private final Hook hook;
  private final boolean isStatic;
  private final Type[] arguments;
  private final boolean framed;
  private final boolean guarded;
  private final List<Label> ranges = new ArrayList<>();
  private @Nullable Label rangeStart;
  private int extraStack;

  MethodWeaver(
      MethodVisitor next, Hook hook, int access, String name, String descriptor, boolean framed) {
    super(Opcodes.ASM9, next);
    this.hook = hook;
    this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
    this.arguments = Type.getArgumentTypes(descriptor);
    this.framed = framed;
    this.guarded = hook.exit != null && hook.onThrow && !name.equals("<init>");
  }

  @Override
  public void visitCode() {
    super.visitCode();
    Call enter = hook.enter;
    if (enter != null) {
      push(enter.values);
      invoke(enter);
      afterEnter(enter);
    }
    if (guarded) {
      rangeStart = label();
    }
  }

  @Override
  public void visitInsn(int opcode) {
    Call exit = hook.exit;
    if (exit == null || opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN) {
      super.visitInsn(opcode);
      return;
    }
    if (guarded) {
      closeRange();
    }
    exitOnReturn(exit, opcode == Opcodes.ARETURN);
    super.visitInsn(opcode);
    if (guarded) {
      rangeStart = label();
    }
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    Call exit = hook.exit;
    if (guarded && exit != null) {
      closeRange();
      Label handler = new Label();
      for (int i = 0; i < ranges.size(); i += 2) {
        Label start = ranges.get(i);
        Label end = ranges.get(i + 1);
        if (start.getOffset() < end.getOffset()) {
          super.visitTryCatchBlock(start, end, handler, null);
        }
      }
      super.visitLabel(handler);
      if (framed) {
        super.visitFrame(Opcodes.F_FULL, 0, null, 1, new Object[] {"java/lang/Throwable"});
      }
      exitOnThrow(exit);
      super.visitInsn(Opcodes.ATHROW);
    }
    super.visitMaxs(maxStack + extraStack + EXTRA_STACK, maxLocals);
  }

  private Label label() {
    Label label = new Label();
    super.visitLabel(label);
    return label;
  }

  private void closeRange() {
    Label start = rangeStart;
    if (start != null) {
      ranges.add(start);
      ranges.add(label());
      rangeStart = null;
    }
  }

  /** At a normal return: {@code RETURNED} is the returned reference (still on the stack). */
  private void exitOnReturn(Call exit, boolean returnsReference) {
    List<Value> values = exit.values;
    int first = 0;
    if (!values.isEmpty() && values.get(0).kind == Value.Kind.RETURNED) {
      super.visitInsn(returnsReference ? Opcodes.DUP : Opcodes.ACONST_NULL);
      first = 1;
    }
    push(values.subList(first, values.size()));
    invoke(exit);
    dropResult(exit);
  }

  /** In the handler, with the throwable on the stack (see {@link Hook} for what may be passed). */
  private void exitOnThrow(Call exit) {
    List<Value> values = exit.values;
    if (values.size() == 1) {
      super.visitInsn(Opcodes.DUP);
    } else if (values.size() == 2) {
      super.visitInsn(Opcodes.DUP);
      super.visitInsn(Opcodes.ACONST_NULL);
      super.visitInsn(Opcodes.SWAP);
    }
    invoke(exit);
    dropResult(exit);
  }

  private void push(List<Value> values) {
    extraStack = Math.max(extraStack, values.size() + 1);
    for (Value value : values) {
      push(value);
    }
  }

  private void push(Value value) {
    switch (value.kind) {
      case THIS:
        if (isStatic) {
          super.visitInsn(Opcodes.ACONST_NULL);
        } else {
          super.visitVarInsn(Opcodes.ALOAD, 0);
        }
        break;
      case ARGUMENT:
        loadArgument(value.number);
        break;
      case ARGUMENT_OF_TYPE:
        String type = value.descriptor;
        int index = type != null ? MethodMatcher.indexOf(arguments, type) : -1;
        if (index >= 0) {
          loadArgument(index);
        } else {
          super.visitInsn(Opcodes.ACONST_NULL);
        }
        break;
      case FIELD:
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitFieldInsn(Opcodes.GETFIELD, value.owner, value.name, value.descriptor);
        break;
      case INT:
        super.visitLdcInsn(value.number);
        break;
      default: // NULL, and RETURNED or THROWN where there is none
        super.visitInsn(Opcodes.ACONST_NULL);
    }
  }

  private void loadArgument(int index) {
    super.visitVarInsn(arguments[index].getOpcode(Opcodes.ILOAD), slot(index));
  }

  private int slot(int argument) {
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < argument; i++) {
      slot += arguments[i].getSize();
    }
    return slot;
  }

  private void invoke(Call call) {
    super.visitMethodInsn(Opcodes.INVOKESTATIC, call.owner, call.name, call.descriptor, false);
  }

  private void afterEnter(Call enter) {
    int replaced = hook.replaced;
    if (replaced < 0) {
      dropResult(enter);
      return;
    }
    Type type = arguments[replaced];
    if (!type.equals(Type.getReturnType(enter.descriptor))) {
      super.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
    }
    super.visitVarInsn(type.getOpcode(Opcodes.ISTORE), slot(replaced));
  }

  private void dropResult(Call call) {
    int size = Type.getReturnType(call.descriptor).getSize();
    if (size == 1) {
      super.visitInsn(Opcodes.POP);
    } else if (size == 2) {
      super.visitInsn(Opcodes.POP2);
    }
  }
}

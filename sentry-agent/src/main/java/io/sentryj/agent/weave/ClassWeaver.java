package io.sentryj.agent.weave;

import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Passes a class through, weaving each hook into the methods it matches. */
final class ClassWeaver extends ClassVisitor {
  private final List<Hook> hooks;
  private boolean framed;
  private int woven;

  ClassWeaver(ClassVisitor next, List<Hook> hooks) {
    super(Opcodes.ASM9, next);
    this.hooks = hooks;
  }

  @Override
  public void visit(
      int version,
      int access,
      String name,
      String signature,
      String superName,
      String[] interfaces) {
    // class files from Java 7 on must carry stack map frames; Java 6's may fall back without
    framed = (version & 0xFFFF) > Opcodes.V1_6;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
    for (Hook hook : hooks) {
      if (visitor != null && hook.method.matches(access, name, descriptor)) {
        visitor = new MethodWeaver(visitor, hook, access, name, descriptor, framed);
        woven++;
      }
    }
    return visitor;
  }

  /** How many hooks were woven into methods. */
  int woven() {
    return woven;
  }
}

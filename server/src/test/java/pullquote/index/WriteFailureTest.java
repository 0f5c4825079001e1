package pullquote.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteFailureTest {

  @TempDir Path dir;

  /** A real ENOSPC from the kernel: /dev/full refuses every write as a full disk does. */
  private static IOException fullDisk() {
    Throwable thrown =
        catchThrowable(() -> Files.write(Path.of("/dev/full"), new byte[] {1, 2, 3}));
    assertThat(thrown).isInstanceOf(IOException.class);
    return (IOException) thrown;
  }

  @Test
  void aFullDiskIsNamedWhereverLuceneBuriedIt() {
    IOException full = fullDisk();
    assertThat(WriteFailure.reason(full)).isEqualTo("no space left on device");
    // What the other writer threads see once the first one hit the full disk.
    var closed = new AlreadyClosedException("this IndexWriter is closed", full);
    assertThat(WriteFailure.reason(closed)).isEqualTo("no space left on device");
    var suppressing = new IOException("flush failed");
    suppressing.addSuppressed(closed);
    assertThat(WriteFailure.reason(suppressing)).isEqualTo("no space left on device");
    var selfSuppression = catchThrowable(() -> full.addSuppressed(full));
    assertThat(WriteFailure.reason(selfSuppression)).isEqualTo("no space left on device");
  }

  @Test
  void aFileErrorSaysWhatIsWrongNotOnlyWhere() {
    Path missing = dir.resolve("missing").resolve("deeper");
    Throwable noSuch = catchThrowable(() -> Files.createDirectory(missing));
    assertThat(WriteFailure.reason(noSuch))
        .isEqualTo("no such file or directory (" + missing + ")");
    Path file = dir.resolve("file");
    Throwable inTheWay =
        catchThrowable(
            () -> {
              Files.writeString(file, "x");
              Files.createDirectory(file);
            });
    assertThat(WriteFailure.reason(inTheWay))
        .isEqualTo("a file or link is in the way (" + file + ")");
  }
}

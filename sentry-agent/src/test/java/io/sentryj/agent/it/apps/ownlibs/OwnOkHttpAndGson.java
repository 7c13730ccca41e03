package io.sentryj.agent.it.apps.ownlibs;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An application with its own OkHttp 3 and Gson 2.8: fetches JSON from the URL it is given, says
 * which jars its libraries came from, then ends with an uncaught exception.
 */
public final class OwnOkHttpAndGson {
  private OwnOkHttpAndGson() {}

  public static void main(String[] args) throws Exception {
    OkHttpClient client = new OkHttpClient();
    try (Response response = client.newCall(new Request.Builder().url(args[0]).build()).execute()) {
      JsonObject json = new Gson().fromJson(response.body().string(), JsonObject.class);
      System.out.println(
          "app got n="
              + json.get("n").getAsInt()
              + " with "
              + jarOf(OkHttpClient.class)
              + " and "
              + jarOf(Gson.class));
    }
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    throw new IllegalStateException("boom with its own okhttp");
  }

  private static String jarOf(Class<?> type) {
    String location = type.getProtectionDomain().getCodeSource().getLocation().getPath();
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
